/** Platform facts: what Salesforce defines, named once for generators, validator, simulator and emulator. */
export * from './flowElements';
export * from './routing';
export * from './standardParameters';
