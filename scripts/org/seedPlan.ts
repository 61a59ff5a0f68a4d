/**
 * What `handoff seed` would change, computed from what it read: pure functions, no org access, so the
 * plan is unit-tested and `--dry-run` prints exactly what a real run would write.
 */
import { SETTINGS_TYPE } from '../contract';
import type { HandoffModel } from '../model/types';

const F = SETTINGS_TYPE.fields;

/** The settings record's fields, and which are numbers (sent as xsd:double, compared numerically). */
export const SETTINGS_FIELDS = [F.endpoint, F.organisationId, F.escalationToken, F.timeoutMs, F.maxAttempts] as const;
export const NUMBER_FIELDS: ReadonlySet<string> = new Set([F.timeoutMs, F.maxAttempts]);
export const SECRET_FIELDS: ReadonlySet<string> = new Set([F.escalationToken]);

export type SettingsValues = Partial<Record<string, string>>;

/** One field of the settings record, as the plan reports it. Secret values are never carried. */
export interface SettingsFieldPlan {
  field: string;
  action: 'unchanged' | 'set' | 'change' | 'keep-org-value' | 'missing';
  /** Old and new values, only for fields that are not secret. */
  from?: string;
  to?: string;
}

export interface SettingsPlan {
  /** Full name for the Metadata API (`Handoff_Settings.Default`: the type without `__mdt`). */
  fullName: string;
  exists: boolean;
  fields: SettingsFieldPlan[];
  /** True when the record must be written (created, or any field differs). */
  write: boolean;
  /** The complete values to upsert (the Metadata API replaces the whole record). */
  values: Record<string, string>;
  /** The token is blank in the org and not in the environment: the record stays incomplete. */
  tokenMissing: boolean;
}

export function settingsFullName(): string {
  return `${SETTINGS_TYPE.objectName.replace(/__mdt$/, '')}.${SETTINGS_TYPE.defaultRecord}`;
}

function same(field: string, a: string | undefined, b: string | undefined): boolean {
  if (NUMBER_FIELDS.has(field) && a !== undefined && b !== undefined && a !== '' && b !== '')
    return Number(a) === Number(b);
  return (a ?? '') === (b ?? '');
}

/**
 * Compares the org's settings record with the config. The token comes from the environment only:
 * when the variable is unset, the org's token is kept as it is (it may have been entered by hand).
 */
export function planSettings(
  end: NonNullable<HandoffModel['endConversation']>,
  current: SettingsValues | undefined,
  envToken: string | undefined
): SettingsPlan {
  const desired: Record<string, string | undefined> = {
    [F.endpoint]: end.endpoint,
    [F.organisationId]: end.organisationId,
    [F.escalationToken]: envToken && envToken.trim() ? envToken : undefined,
    [F.timeoutMs]: String(end.timeoutMs),
    [F.maxAttempts]: String(end.maxAttempts)
  };
  const fields: SettingsFieldPlan[] = [];
  const values: Record<string, string> = {};
  let write = current === undefined;
  let tokenMissing = false;
  for (const field of SETTINGS_FIELDS) {
    const secret = SECRET_FIELDS.has(field);
    const had = current?.[field];
    const want = desired[field];
    if (want === undefined) {
      // Only the token can be undefined here: keep what the org has.
      if (had) {
        values[field] = had;
        fields.push({ field, action: 'keep-org-value' });
      } else {
        tokenMissing = true;
        fields.push({ field, action: 'missing' });
      }
      continue;
    }
    values[field] = want;
    if (current !== undefined && had !== undefined && had !== '' && same(field, had, want)) {
      fields.push({ field, action: 'unchanged' });
    } else {
      write = true;
      const action = had === undefined || had === '' ? 'set' : 'change';
      fields.push(
        secret ? { field, action } : { field, action, ...(action === 'change' ? { from: had } : {}), to: want }
      );
    }
  }
  return { fullName: settingsFullName(), exists: current !== undefined, fields, write, values, tokenMissing };
}

/** A user the config names, with the permission set it needs. */
export interface WantedAssignment {
  username: string;
  permissionSet: string;
}

export function wantedAssignments(
  model: HandoffModel,
  agents: string[],
  integrationUser: string | undefined
): WantedAssignment[] {
  const out: WantedAssignment[] = [];
  const seen = new Set<string>();
  const add = (username: string, permissionSet: string): void => {
    const key = `${username.toLowerCase()}\u0000${permissionSet}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ username, permissionSet });
  };
  for (const u of agents) add(u, model.permissionSets.agent.name);
  // The vendor's Run-As user holds the integration set; without `integration` there is no such set.
  if (integrationUser && model.integration) add(integrationUser, model.permissionSets.integration.name);
  return out;
}

export interface AssignmentPlan {
  create: Array<{ AssigneeId: string; PermissionSetId: string; username: string; permissionSet: string }>;
  alreadyAssigned: WantedAssignment[];
  /** Usernames with no user in the org (or an inactive one). */
  unknownUsers: string[];
  inactiveUsers: string[];
  /** Permission sets the org does not have (deploy first). */
  missingPermissionSets: string[];
}

export function planAssignments(
  wanted: WantedAssignment[],
  users: Array<{ Id: string; Username: string; IsActive?: boolean }>,
  permissionSets: Array<{ Id: string; Name: string }>,
  existing: Array<{ AssigneeId: string; PermissionSetId: string }>
): AssignmentPlan {
  // Usernames are case-insensitive in Salesforce.
  const userByName = new Map(users.map((u) => [u.Username.toLowerCase(), u]));
  const psByName = new Map(permissionSets.map((p) => [p.Name, p.Id]));
  const have = new Set(existing.map((a) => `${a.AssigneeId}:${a.PermissionSetId}`));
  const plan: AssignmentPlan = {
    create: [],
    alreadyAssigned: [],
    unknownUsers: [],
    inactiveUsers: [],
    missingPermissionSets: []
  };
  for (const w of wanted) {
    const user = userByName.get(w.username.toLowerCase());
    const psId = psByName.get(w.permissionSet);
    if (!psId) {
      if (!plan.missingPermissionSets.includes(w.permissionSet)) plan.missingPermissionSets.push(w.permissionSet);
      continue;
    }
    if (!user) {
      if (!plan.unknownUsers.includes(w.username)) plan.unknownUsers.push(w.username);
      continue;
    }
    if (user.IsActive === false) {
      if (!plan.inactiveUsers.includes(w.username)) plan.inactiveUsers.push(w.username);
      continue;
    }
    if (have.has(`${user.Id}:${psId}`)) plan.alreadyAssigned.push(w);
    else {
      have.add(`${user.Id}:${psId}`);
      plan.create.push({
        AssigneeId: user.Id,
        PermissionSetId: psId,
        username: w.username,
        permissionSet: w.permissionSet
      });
    }
  }
  return plan;
}
