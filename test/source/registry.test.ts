import { metaSuffix, sourceTypeOf } from '../../scripts/source/registry';

describe('sourceTypeOf (SDR registry)', () => {
  it.each([
    ['force-app/main/default/flows/Handoff_Routing.flow-meta.xml', 'Flow', 'Handoff_Routing'],
    ['force-app/x/messagingChannels/Support.messagingChannel-meta.xml', 'MessagingChannel', 'Support'],
    ['force-app/x/EmbeddedServiceConfig/Web.EmbeddedServiceConfig-meta.xml', 'EmbeddedServiceConfig', 'Web'],
    ['force-app/x/queueRoutingConfigs/R.queueRoutingConfig-meta.xml', 'QueueRoutingConfig', 'R'],
    ['force-app/x/customMetadata/Handoff_Settings.Default.md-meta.xml', 'CustomMetadata', 'Handoff_Settings.Default'],
    ['force-app/x/classes/Foo.cls-meta.xml', 'ApexClass', 'Foo'],
    // A child type in its parent's folder: the name carries the parent.
    ['force-app/x/objects/MessagingSession/fields/Topic__c.field-meta.xml', 'CustomField', 'MessagingSession.Topic__c'],
    ['force-app/x/objects/Case/Case.object-meta.xml', 'CustomObject', 'Case'],
    // Labels share one file: CustomLabels, not its child CustomLabel.
    ['force-app/x/labels/CustomLabels.labels-meta.xml', 'CustomLabels', 'CustomLabels'],
    // A bundle's -meta.xml is named after its folder.
    ['force-app/x/lwc/handoffPanel/handoffPanel.js-meta.xml', 'LightningComponentBundle', 'handoffPanel'],
    // Types the kit does not generate are still typed (a retrieved project has them).
    ['force-app/x/layouts/Case-Case Layout.layout-meta.xml', 'Layout', 'Case-Case Layout']
  ])('%s → %s %s', (file, type, name) => {
    expect(sourceTypeOf(file)).toEqual({ type, name });
  });

  test('a suffix no type has, or no -meta.xml suffix at all, has no type', () => {
    expect(sourceTypeOf('force-app/x/things/A.notAType-meta.xml')).toBeUndefined();
    expect(sourceTypeOf('force-app/x/classes/Foo.cls')).toBeUndefined();
    expect(metaSuffix('a/b/Foo.flow-meta.xml')).toBe('flow');
    expect(metaSuffix('a/b/Foo.xml')).toBeUndefined();
  });
});
