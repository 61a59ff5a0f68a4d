/**
 * The emulated org's memory: sObject records by type, metadata components by type and name, async
 * deploy jobs and the sessions it has issued. One OrgState lives as long as one emulator, so
 * deploy → seed → doctor → smoke can run as one story against it.
 */
import { randomBytes } from 'node:crypto';

export type SObjectRecord = {
  Id: string;
  attributes?: { type: string; url?: string };
} & Record<string, unknown>;

/** One metadata component as the org holds it: its metadata-format XML (and body for Apex). */
export interface MetadataComponent {
  type: string;
  fullName: string;
  /** The component's XML in metadata format (root = type name), as deployed or upserted. */
  xml: string;
  /** Extra files for the component (e.g. the `.cls` body), by zip path. */
  files?: Record<string, Buffer>;
  lastModified: number;
}

export interface ComponentFailure {
  componentType: string;
  fullName: string;
  fileName: string;
  problem: string;
  problemType: 'Error' | 'Warning';
  lineNumber?: number;
  columnNumber?: number;
}

export interface TestFailure {
  name: string;
  methodName: string;
  message: string;
  stackTrace: string;
}

export interface DeployJob {
  id: string;
  checkOnly: boolean;
  testLevel: string;
  runTests: string[];
  rollbackOnError: boolean;
  createdAt: number;
  /** Status polls left before the job reports done (the emulator's notion of "it takes a while"). */
  pollsUntilDone: number;
  status: 'Queued' | 'InProgress' | 'Succeeded' | 'SucceededPartial' | 'Failed';
  numberComponentsTotal: number;
  numberComponentsDeployed: number;
  numberComponentErrors: number;
  successes: Array<{
    componentType: string;
    fullName: string;
    fileName: string;
    created: boolean;
  }>;
  failures: ComponentFailure[];
  testsRun: string[];
  testFailures: TestFailure[];
  /** Code coverage of the package's non-test Apex classes, when tests ran. */
  coverage: Array<{ name: string; numLocations: number; numLocationsNotCovered: number }>;
  /** What the job will store once done (nothing when check-only or failed with rollback). */
  pending: MetadataComponent[];
  errorMessage?: string;
}

/** Key prefixes of the sObjects the kit touches (others get a derived one). */
const KEY_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Case: '500',
  User: '005',
  Group: '00G',
  MessagingSession: '0Mw',
  MessagingChannel: '0Mj',
  MessagingEndUser: '0PA',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
  ServiceChannel: '0N1',
  QueueRoutingConfig: '0K9',
  ServicePresenceStatus: '0N5',
  EmbeddedServiceConfig: '0Hs',
  Flow: '301',
  FlowDefinition: '300',
  DeployRequest: '0Af'
};

export class OrgState {
  readonly orgId = '00D000000000001EAA';
  readonly userId = '005000000000001AAA';
  readonly username = 'admin@handoff.emulator';
  /** sObject type → Id → record. */
  readonly records = new Map<string, Map<string, SObjectRecord>>();
  /** Metadata type → fullName → component. */
  readonly metadata = new Map<string, Map<string, MetadataComponent>>();
  readonly deployJobs = new Map<string, DeployJob>();
  /** Embedded Service deployments published (by DeveloperName): until then hidden pre-chat fields are dropped. */
  readonly published = new Set<string>();
  /** Access tokens the org currently accepts. */
  readonly sessions = new Set<string>();
  /** External Client Apps allowed to use client credentials: clientId → secret. */
  readonly clients = new Map<string, string>([['emulator-client-id', 'emulator-client-secret']]);
  private counter = 0;

  /** A new 18-character Id with the type's key prefix. */
  newId(type: string): string {
    this.counter++;
    const prefix = KEY_PREFIXES[type] ?? derivePrefix(type);
    return (prefix + String(this.counter).padStart(12, '0') + 'AAA').slice(0, 18);
  }

  /** Issues an access token the org accepts until `expireSessions()`. */
  issueSession(): string {
    const token = `${this.orgId}!EMU.${randomBytes(24).toString('base64url')}`;
    this.sessions.add(token);
    return token;
  }

  isValidSession(token: string | undefined): boolean {
    return !!token && this.sessions.has(token);
  }

  /** Every token issued so far stops working (a session timeout in the org). */
  expireSessions(): void {
    this.sessions.clear();
  }

  // ---- records ----

  table(type: string): Map<string, SObjectRecord> {
    let t = this.records.get(type);
    if (!t) {
      t = new Map();
      this.records.set(type, t);
    }
    return t;
  }

  insert(type: string, fields: Record<string, unknown>): SObjectRecord {
    const Id = typeof fields.Id === 'string' && fields.Id ? fields.Id : this.newId(type);
    const rec: SObjectRecord = { ...fields, Id, attributes: { type } };
    this.table(type).set(Id, rec);
    return rec;
  }

  update(type: string, id: string, fields: Record<string, unknown>): SObjectRecord | undefined {
    const rec = this.table(type).get(id);
    if (!rec) return undefined;
    Object.assign(rec, fields, { Id: id });
    return rec;
  }

  /** Finds records of a type matching every given field (exact, case-sensitive). */
  find(type: string, where: Record<string, unknown> = {}): SObjectRecord[] {
    return [...this.table(type).values()].filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  }

  /** Inserts or updates by an external id field; says which happened. */
  upsert(
    type: string,
    extIdField: string,
    fields: Record<string, unknown>
  ): { record: SObjectRecord; created: boolean } {
    const key = fields[extIdField];
    const existing = key === undefined ? undefined : this.find(type, { [extIdField]: key })[0];
    if (existing)
      return {
        record: this.update(type, existing.Id, fields)!,
        created: false
      };
    return { record: this.insert(type, fields), created: true };
  }

  // ---- metadata ----

  component(type: string, fullName: string): MetadataComponent | undefined {
    return this.metadata.get(type)?.get(fullName);
  }

  components(type: string): MetadataComponent[] {
    return [...(this.metadata.get(type)?.values() ?? [])];
  }

  putComponent(c: Omit<MetadataComponent, 'lastModified'>): {
    created: boolean;
  } {
    let byName = this.metadata.get(c.type);
    if (!byName) {
      byName = new Map();
      this.metadata.set(c.type, byName);
    }
    const created = !byName.has(c.fullName);
    byName.set(c.fullName, { ...c, lastModified: Date.now() });
    return { created };
  }
}

function derivePrefix(type: string): string {
  let h = 0;
  for (const ch of type) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 'a' + (h % 1296).toString(36).padStart(2, '0').toUpperCase();
}
