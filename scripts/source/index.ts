/** The read model of a source-format project: load it once, then read components through the typed views. */
export * from './project';
export * from './registry';
export * from './views/access';
export * from './views/at';
export * from './views/channel';
export * from './views/config';
export * from './views/deployment';
export * from './views/flow';
