/** The emulator types zip files by the SDR registry's folders and suffixes, not a table of its own. */
import { rootElementOf, typesInFolder, zipPlaceOf, zipTypeOf } from './types';

test('a folder and a suffix name the type; content types have a body and a -meta.xml', () => {
  expect(zipTypeOf('flows', 'Handoff_Routing.flow')).toMatchObject({ type: 'Flow', part: 'file' });
  expect(zipTypeOf('classes', 'A.cls')).toMatchObject({ type: 'ApexClass', part: 'body' });
  expect(zipTypeOf('classes', 'A.cls-meta.xml')).toMatchObject({ type: 'ApexClass', part: 'meta' });
  expect(zipTypeOf('externalClientApps', 'Handoff_Fin.eca')).toMatchObject({ type: 'ExternalClientApplication' });
  expect(zipTypeOf('flows', 'Handoff_Routing.xml')).toBeUndefined();
  expect(zipTypeOf('nowhere', 'X.flow')).toBeUndefined();
});

test('types sharing a folder are told apart by suffix; settings hold <NameSettings>', () => {
  expect(
    typesInFolder('dashboards')
      .map((t) => t.type)
      .sort()
  ).toEqual(['Dashboard', 'DashboardFolder']);
  expect(zipTypeOf('dashboards', 'Ops.dashboardFolder')?.type).toBe('DashboardFolder');
  expect(zipTypeOf('dashboards', 'Ops.dashboard')?.type).toBe('Dashboard');
  expect(zipTypeOf('settings', 'OmniChannel.settings')?.type).toBe('Settings');
  expect(rootElementOf('Settings', 'OmniChannel')).toBe('OmniChannelSettings');
  expect(rootElementOf('Flow', 'F')).toBe('Flow');
});

test('a retrieve files each type where a deploy reads it', () => {
  expect(zipPlaceOf('MessagingChannel')).toMatchObject({ dir: 'messagingChannels', suffix: 'messagingChannel' });
  expect(zipPlaceOf('ApexClass')).toMatchObject({ dir: 'classes', suffix: 'cls', hasContent: true });
  expect(zipPlaceOf('NoSuchType')).toBeUndefined();
});
