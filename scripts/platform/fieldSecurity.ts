/**
 * Platform facts about field-level security on the objects the vendor syncs.
 */
import type { SyncedObject } from '../config/types';

export const SYNCED_OBJECTS: readonly SyncedObject[] = ['Contact', 'Case'];

/**
 * Fields that carry no field-level security: required and system fields come with object access
 * (a permission set naming one fails to deploy: "You cannot deploy to a required field"). Kept out
 * of fieldPermissions; the config validator refuses them in syncFields/pushFields.
 */
export const ALWAYS_ACCESSIBLE: Record<SyncedObject, readonly string[]> = {
  Contact: ['Id', 'Name', 'LastName', 'FirstName', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'OwnerId'],
  Case: ['Id', 'CaseNumber', 'Status', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'OwnerId', 'IsClosed']
};
