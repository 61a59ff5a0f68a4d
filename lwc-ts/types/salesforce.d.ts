// Module shims for the platform imports the LWCs use. @salesforce/lightning-types covers the lightning/*
// base components but not these scoped modules.

declare module '@salesforce/apex/*' {
  // An Apex method import: callable imperatively, or usable as a @wire adapter id.
  type ApexMethod = ((params?: Record<string, unknown>) => Promise<unknown>) & {
    adapter: import('lwc').WireAdapterConstructor;
  };
  const apexMethod: ApexMethod;
  export default apexMethod;
}

declare module '@salesforce/apex' {
  /** Re-runs a wired Apex call; takes the whole provisioned value the wire handler received. */
  export function refreshApex(provisioned: unknown): Promise<void>;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module 'lightning/platformShowToastEvent' {
  export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
  export interface ToastEventInit {
    title: string;
    message?: string;
    variant?: ToastVariant;
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ToastEventInit> {
    constructor(init: ToastEventInit);
  }
}
