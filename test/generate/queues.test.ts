import { generate as presenceStatus } from '../../scripts/generate/presenceStatus';
import { generate } from '../../scripts/generate/queues';
import { generate as calloutCredential } from '../../scripts/generate/calloutCredential';
import { generate as permissionSets } from '../../scripts/generate/permissionSets';
import { child, children, exampleModel, modelOf, parsedFile, textOf } from './helpers';

const objectsOf = (files: ReturnType<typeof generate>, queue: string) =>
  children(parsedFile(files, `queues/${queue}.queue-meta.xml`), 'queueSobject').map((q) => textOf(q, 'sobjectType'));

describe('queues generator', () => {
  const model = exampleModel();
  const files = generate(model);

  it('writes a queue and its routing configuration for every configured queue', () => {
    for (const q of model.queues) {
      const queue = parsedFile(files, `queues/${q.developerName}.queue-meta.xml`);
      expect(textOf(queue, 'name')).toBe(q.label);
      expect(textOf(queue, 'doesSendEmailToMembers')).toBe('false');
      const configName = textOf(queue, 'queueRoutingConfig')!;
      const config = parsedFile(files, `queueRoutingConfigs/${configName}.queueRoutingConfig-meta.xml`);
      expect(textOf(config, 'label')).toBe(q.routingConfig.label);
      expect(textOf(config, 'routingModel')).toBe('MOST_AVAILABLE');
      expect(textOf(config, 'routingPriority')).toBe('1');
      expect(textOf(config, 'capacityWeight')).toBe('1.0');
    }
    expect(files).toHaveLength(model.queues.length * 2);
  });

  it('puts Case on the fallback queue when the flow creates Cases, MessagingSession on every queue', () => {
    expect(objectsOf(files, 'Handoff_General')).toEqual(['Case', 'MessagingSession']);
    expect(objectsOf(files, 'Handoff_Priority')).toEqual(['MessagingSession']);
    expect(objectsOf(files, 'Handoff_DACH')).toEqual(['MessagingSession']);
  });

  it('takes the routing settings of each queue', () => {
    const priority = parsedFile(files, 'queueRoutingConfigs/Handoff_Priority_Routing.queueRoutingConfig-meta.xml');
    expect(textOf(priority, 'pushTimeout')).toBe('30');
    const edge = generate(
      modelOf({
        queues: [
          {
            developerName: 'Edge_Queue',
            routing: {
              model: 'LEAST_ACTIVE',
              priority: 3,
              capacityWeight: 2.5,
              pushTimeout: 0
            }
          }
        ]
      })
    );
    const config = parsedFile(edge, 'queueRoutingConfigs/Edge_Queue_Routing.queueRoutingConfig-meta.xml');
    expect([
      textOf(config, 'routingModel'),
      textOf(config, 'routingPriority'),
      textOf(config, 'capacityWeight'),
      textOf(config, 'pushTimeout')
    ]).toEqual(['LEAST_ACTIVE', '3', '2.5', '0']);
  });

  it('keeps Case off every queue when the fallback waits for an agent', () => {
    const edge = generate(
      modelOf({
        queues: [{ developerName: 'Edge_Queue' }, { developerName: 'Other', objects: ['Lead'] }]
      })
    );
    expect(objectsOf(edge, 'Edge_Queue')).toEqual(['MessagingSession']);
    expect(objectsOf(edge, 'Other')).toEqual(['Lead', 'MessagingSession']);
  });
});

describe('presence status generator', () => {
  it('lists the standard messaging service channel', () => {
    const model = exampleModel();
    const files = presenceStatus(model);
    const doc = parsedFile(
      files,
      `servicePresenceStatuses/${model.presenceStatus.developerName}.servicePresenceStatus-meta.xml`
    );
    expect(children(child(doc, 'channels')!, 'channel').map((c) => c.text)).toEqual(['sfdc_livemessage']);
    expect(textOf(doc, 'label')).toBe(model.presenceStatus.label);
  });
});

describe('callout credential generator', () => {
  it('puts the endpoint on a Named Credential backed by an External Credential whose principal holds the token', () => {
    const files = calloutCredential(exampleModel());
    const ext = parsedFile(files, 'externalCredentials/Handoff_End_Conversation.externalCredential-meta.xml');
    expect(textOf(ext, 'authenticationProtocol')).toBe('Custom');
    const params = children(ext, 'externalCredentialParameters').map((p) => [
      textOf(p, 'parameterName'),
      textOf(p, 'parameterType'),
      textOf(p, 'parameterValue')
    ]);
    expect(params).toEqual([
      ['Vendor', 'NamedPrincipal', undefined],
      ['Authorization', 'AuthHeader', "{!'Bearer ' & $Credential.Handoff_End_Conversation.Token}"]
    ]);
    const nc = parsedFile(files, 'namedCredentials/Handoff_End_Conversation.namedCredential-meta.xml');
    expect(textOf(nc, 'namedCredentialType')).toBe('SecuredEndpoint');
    // Apex cannot merge $Credential into its own headers or body: only the platform's header carries it.
    expect(textOf(nc, 'allowMergeFieldsInHeader')).toBe('false');
    expect(textOf(nc, 'allowMergeFieldsInBody')).toBe('false');
    const ncParams = children(nc, 'namedCredentialParameters');
    expect(ncParams.map((p) => textOf(p, 'parameterValue') ?? textOf(p, 'externalCredential'))).toEqual([
      exampleModel().endConversation!.endpoint,
      'Handoff_End_Conversation'
    ]);
    expect(JSON.stringify(files)).not.toMatch(/remoteSite/);
  });

  it('grants the principal to the flow’s permission set only', () => {
    const files = permissionSets(exampleModel());
    const m = exampleModel();
    const access = (name: string) =>
      children(
        parsedFile(files, `permissionsets/${name}.permissionset-meta.xml`),
        'externalCredentialPrincipalAccesses'
      ).map((a) => [textOf(a, 'externalCredentialPrincipal'), textOf(a, 'enabled')]);
    expect(access(m.permissionSets.flow.name)).toEqual([['Handoff_End_Conversation-Vendor', 'true']]);
    expect(access(m.permissionSets.integration.name)).toEqual([]);
    expect(access(m.permissionSets.agent.name)).toEqual([]);
  });

  it('writes nothing without an End Conversation endpoint', () => {
    expect(calloutCredential(modelOf())).toEqual([]);
  });
});
