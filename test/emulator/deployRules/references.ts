/**
 * References the platform resolves when a component arrives: a name that does not resolve, in the
 * org or in the same package, fails the component as `In field: <element> - no <Type> named <name>
 * found` (the wording real deploys report, e.g. "In field: field - no CustomField named
 * Case.AssetWarrantyId found", trailheadapps/ebikes-lwc#391).
 */
import { child, children, textOf, type XmlNode } from '../../../scripts/xml/read';
import { unresolved, type ComponentRule, type DeployProblem, type OrgView } from './types';

/** `need` for one element: the named component must exist. */
function need(org: OrgView, type: string, node: XmlNode | undefined, what: string): DeployProblem[] {
  const name = node?.text.trim();
  return name && !org.has(type, name) ? [unresolved(what, type, name, node)] : [];
}

const isCustom = (name: string) => /__(c|mdt|e|x|b)$/.test(name);

export const referenceRules: ComponentRule[] = [
  {
    id: 'ref/permission-set-field',
    evidence: 'Public deploy log: "In field: field - no CustomField named Case.AssetWarrantyId found" (ebikes-lwc#391)',
    types: ['PermissionSet'],
    check(c, org) {
      return children(c.root!, 'fieldPermissions').flatMap((fp) => {
        const node = child(fp, 'field');
        const [obj, field] = (node?.text.trim() ?? '').split('.');
        return node && field && !org.hasField(obj, field)
          ? [unresolved('field', 'CustomField', node.text.trim(), node)]
          : [];
      });
    }
  },
  {
    id: 'ref/permission-set-object',
    evidence:
      'Public deploy tips (sfdx-hardis deployTipsList): "In field: field - no CustomObject named X found"; the element is the objectPermissions <object>',
    types: ['PermissionSet'],
    check(c, org) {
      return [
        ...children(c.root!, 'objectPermissions').map((op) => child(op, 'object')),
        ...children(c.root!, 'customMetadataTypeAccesses').map((a) => child(a, 'name'))
      ].flatMap((node) => {
        const name = node?.text.trim();
        return node && name && !org.hasObject(name) ? [unresolved(node.local, 'CustomObject', name, node)] : [];
      });
    }
  },
  {
    id: 'ref/apex-class',
    evidence:
      'Public deploy log: "Unable to find Apex action class referenced as \'FieldsetController\'" (tiaanswart/lightning-fieldset#1); permission set classAccesses resolve the same way',
    types: ['PermissionSet', 'Flow'],
    check(c, org) {
      if (c.type === 'PermissionSet')
        return children(c.root!, 'classAccesses').flatMap((ca) =>
          need(org, 'ApexClass', child(ca, 'apexClass'), 'apexClass')
        );
      return children(c.root!, 'actionCalls')
        .filter((call) => textOf(call, 'actionType') === 'apex')
        .flatMap((call) => need(org, 'ApexClass', child(call, 'actionName'), 'actionName'));
    }
  },
  {
    id: 'ref/channel-flow-and-queue',
    evidence:
      'Metadata API reference, MessagingChannel: sessionHandlerFlow and sessionHandlerQueue name a flow and a queue of the org (unresolved-reference wording as above)',
    types: ['MessagingChannel'],
    check(c, org) {
      return [
        ...need(org, 'Flow', child(c.root!, 'sessionHandlerFlow'), 'sessionHandlerFlow'),
        ...need(org, 'Queue', child(c.root!, 'sessionHandlerQueue'), 'sessionHandlerQueue')
      ];
    }
  },
  {
    id: 'ref/deployment-channel',
    evidence:
      "Metadata API reference, EmbeddedServiceConfig: embeddedServiceMessagingChannel.messagingChannel names the org's MessagingChannel",
    types: ['EmbeddedServiceConfig'],
    check(c, org) {
      const ch = child(c.root!, 'embeddedServiceMessagingChannel');
      return ch ? need(org, 'MessagingChannel', child(ch, 'messagingChannel'), 'messagingChannel') : [];
    }
  },
  {
    id: 'ref/queue-routing-config',
    evidence: "Metadata API reference, Queue: queueRoutingConfig names the org's QueueRoutingConfig",
    types: ['Queue'],
    check(c, org) {
      return need(org, 'QueueRoutingConfig', child(c.root!, 'queueRoutingConfig'), 'queueRoutingConfig');
    }
  },
  {
    id: 'ref/custom-metadata-type',
    evidence:
      'Public deploy tips (sfdx-hardis deployTipsList): "In field: X - no CustomMetadata named Y found"; a record needs its __mdt type',
    types: ['CustomMetadata'],
    check(c, org) {
      const type = `${c.fullName.split('.')[0]}__mdt`;
      return org.has('CustomObject', type) ? [] : [unresolved('fullName', 'CustomObject', type, c.root)];
    }
  },
  {
    id: 'ref/lookup-target',
    evidence:
      'Public deploy log: "referenceTo value of \'Bundle__c\' does not resolve to a valid sObject type" (wadewegner/deploy-to-sfdx#41)',
    types: ['CustomField'],
    check(c, org) {
      const node = child(c.root!, 'referenceTo');
      const name = node?.text.trim();
      return node && name && !org.hasObject(name)
        ? [
            {
              message: `referenceTo value of '${name}' does not resolve to a valid sObject type`,
              line: node.line,
              column: node.column
            }
          ]
        : [];
    }
  },
  {
    id: 'ref/presence-status-channel',
    evidence:
      "Metadata API reference, ServicePresenceStatus: channels.channel names a service channel (sfdc_livemessage in the kit's, a built-in one)",
    types: ['ServicePresenceStatus'],
    check(c, org) {
      return children(c.root!, 'channels').flatMap((ch) => {
        const node = child(ch, 'channel');
        const name = node?.text.trim();
        return node && name && !serviceChannelExists(org, name)
          ? [unresolved('channel', 'ServiceChannel', name, node)]
          : [];
      });
    }
  },
  {
    id: 'ref/required-field-permission',
    evidence:
      'Public deploy tips (sfdx-hardis deployTipsList): "You cannot deploy to a required field: X" (field permissions on a required field)',
    types: ['PermissionSet'],
    check(c, org) {
      return children(c.root!, 'fieldPermissions').flatMap((fp) => {
        const node = child(fp, 'field');
        const name = node?.text.trim() ?? '';
        const field = isCustom(name.split('.')[1] ?? '') ? org.rootOf('CustomField', name) : undefined;
        return field && textOf(field, 'required') === 'true'
          ? [{ message: `You cannot deploy to a required field: ${name}`, line: node!.line, column: node!.column }]
          : [];
      });
    }
  }
];

/** A service channel the org has: a built-in one, or a ServiceChannel component. */
export function serviceChannelExists(org: OrgView, name: string): boolean {
  return org.settings.builtInServiceChannels.includes(name) || org.has('ServiceChannel', name);
}
