/**
 * The channel and deployment settings an admin sets in Setup (docs/channel.md): every setting the
 * project sets has the same value in the org. A setting the project leaves out (the platform default
 * applies) is not compared; the two flat lists come from read/channelSettings.ts.
 */
import type { Check } from '../check';
import type { ProjectSettings, SettingsMap } from '../snapshot';
import type { CheckFamily } from './family';

/** One check: pass when the settings match; warn when the project side cannot be read; none without a channel. */
export function channelSettingsChecks(project: ProjectSettings, org: SettingsMap | undefined): Check[] {
  if (!org) return [];
  const base = { id: 'channel.settings', group: 'Messaging channel' } as const;
  if ('unavailable' in project)
    return [
      {
        ...base,
        status: 'warn',
        message: `The channel and deployment settings were not compared: ${project.unavailable}`,
        fix: 'Run `handoff build` in the project, then `handoff doctor` again.'
      }
    ];
  const { settings } = project;
  const differs = Object.keys(settings)
    .filter((k) => org[k] !== settings[k])
    .map(
      (k) =>
        `${k}: org ${org[k] === undefined ? '(not set)' : JSON.stringify(org[k])}, project ${JSON.stringify(settings[k])}`
    );
  if (!differs.length)
    return [
      {
        ...base,
        status: 'pass',
        message: `${Object.keys(settings).length} channel and deployment settings match the project`,
        fix: ''
      }
    ];
  return [
    {
      ...base,
      status: 'fail',
      message: `The org's channel or deployment differs from the project in ${differs.length} setting${differs.length === 1 ? '' : 's'}: ${differs.join('; ')}`,
      fix: 'Run `handoff deploy` to apply the project, or change handoff.config.json to what the org has and rebuild (docs/channel.md names the Setup page of each setting).'
    }
  ];
}

export const channelSettings: CheckFamily = {
  name: 'channelSettings',
  checks: (_model, s) =>
    s.channelSettings ? channelSettingsChecks(s.channelSettings.project, s.channelSettings.org) : []
};
