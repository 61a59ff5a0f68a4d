export interface DoctorOptions {
  /** Project root: the flow file is read through its package directories. */
  root: string;
  /** MIAW base URL; when undefined the published-form check is a warning. */
  scrtUrl?: string;
  orgId: string;
  progress?: (line: string) => void;
}
