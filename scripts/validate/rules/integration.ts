/**
 * The vendor's integration permission set is least privilege: every grant in it is one the config
 * explains (integration.syncFields / pushFields, caseFields, the Case the vendor creates, API access),
 * computed by the same integrationGrants() the generator writes from. Anything else (a hand-added
 * field, Apex class, custom metadata type such as the escalation settings, View All) is a finding.
 */
import * as fs from 'node:fs';
import { SETTINGS_TYPE } from '../../contract';
import type { HandoffConfig } from '../../config/types';
import { integrationGrants } from '../../model/integrationGrants';
import { resolveModel } from '../../model/resolve';
import type { HandoffModel } from '../../model/types';
import { configAcceptedByBuild, type ConfigAndManifest } from '../../project/buildManifest';
import { children, textOf, type XmlNode } from '../../xml/read';
import type { Rule } from '../types';

/** Blocks that grant something when `enabled` is true, with the element naming what. */
const ENABLED_BLOCKS: Array<[block: string, name: string]> = [
  ['applicationVisibilities', 'application'],
  ['classAccesses', 'apexClass'],
  ['customMetadataTypeAccesses', 'name'],
  ['customPermissions', 'name'],
  ['customSettingAccesses', 'name'],
  ['externalCredentialPrincipalAccesses', 'externalCredentialPrincipal'],
  ['externalDataSourceAccesses', 'externalDataSource'],
  ['flowAccesses', 'flow'],
  ['pageAccesses', 'apexPage'],
  ['servicePresenceStatusAccesses', 'servicePresenceStatus'],
  ['userPermissions', 'name']
];
const OBJECT_FLAGS = ['allowCreate', 'allowDelete', 'allowEdit', 'allowRead', 'modifyAllRecords', 'viewAllRecords'];

async function projectModel(configFiles: ConfigAndManifest): Promise<HandoffModel | undefined> {
  const file = configFiles.configFile;
  if (!fs.existsSync(file)) return undefined;
  try {
    // A config the last build accepted passes loadConfig again (project/buildManifest.ts says why):
    // then validate loads no schema validator and no config rules (25 modules, ~15 ms of the run).
    if (configAcceptedByBuild(configFiles)) return resolveModel(configFiles.config() as HandoffConfig);
    const { loadConfig } = await import('../../config/load');
    return resolveModel(loadConfig(file));
  } catch {
    return undefined; // an invalid config is `handoff build`'s finding
  }
}

export const rules: Rule[] = [
  {
    id: 'integration/least-privilege',
    description: "The vendor's integration permission set grants only what the config explains.",
    fix: 'Remove the grant, or add what needs it to the config (integration.syncFields, integration.pushFields, caseFields) and run `handoff build`.',
    async check({ project, configFiles, report }) {
      const model = await projectModel(configFiles);
      // No config or no integration section: there is no vendor permission set to hold to it.
      if (!model?.integration) return;
      const ps = project.find('PermissionSet', model.permissionSets.integration.name);
      if (!ps) return;
      const g = integrationGrants(model);
      const fields = new Map(g.fields.map((f) => [f.field, f.editable]));
      const objects = new Map(g.objects.map((o) => [o.object, o]));
      const at = (n: XmlNode) => ({ file: ps.path, line: n.line });
      const secret = (what: string) =>
        what === SETTINGS_TYPE.objectName || what.startsWith(`${SETTINGS_TYPE.objectName.replace(/__mdt$/, '')}.`);
      for (const fp of children(ps.xml, 'fieldPermissions')) {
        const field = textOf(fp, 'field') ?? '';
        const read = textOf(fp, 'readable') === 'true';
        const edit = textOf(fp, 'editable') === 'true';
        if (!read && !edit) continue;
        if (!fields.has(field))
          report(at(fp), `grants ${edit ? 'edit' : 'read'} on ${field}, which the config does not explain`);
        else if (edit && !fields.get(field))
          report(
            at(fp),
            `grants edit on ${field}, which the config only syncs (${g.reasons.get(field)})`,
            `Add "${field.split('.')[1]}" to integration.pushFields.${field.split('.')[0]}, or make it read-only.`
          );
      }
      for (const op of children(ps.xml, 'objectPermissions')) {
        const object = textOf(op, 'object') ?? '';
        const want = objects.get(object);
        const allowed = new Set(
          want ? ['allowRead', ...(want.create ? ['allowCreate'] : []), ...(want.edit ? ['allowEdit'] : [])] : []
        );
        const extra = OBJECT_FLAGS.filter((f) => textOf(op, f) === 'true' && !allowed.has(f));
        if (extra.length) report(at(op), `grants ${extra.join(', ')} on ${object}, which the config does not explain`);
      }
      const explained = new Set(g.userPermissions);
      for (const [block, nameEl] of ENABLED_BLOCKS) {
        for (const b of children(ps.xml, block)) {
          if (textOf(b, 'enabled') !== 'true') continue;
          const name = textOf(b, nameEl) ?? '';
          if (block === 'userPermissions' && explained.has(name)) continue;
          report(
            at(b),
            secret(name)
              ? `grants ${name}: the vendor's integration user must never read the escalation settings`
              : `grants ${block} ${name}, which the config does not explain`
          );
        }
      }
    }
  }
];
