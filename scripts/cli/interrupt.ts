/**
 * Ctrl-C (SIGINT) and a CI runner's SIGTERM: instead of Node's immediate exit, `handler` runs once,
 * so a command can say (or clean up) what the interruption leaves behind in the org. The listeners
 * go with the first signal, so a second Ctrl-C ends the process as usual.
 */
export type Signals = Pick<NodeJS.EventEmitter, 'once' | 'removeListener'>;

/** Installs `handler`; call the returned function when the work is done. */
export function onInterrupt(handler: () => void, signals: Signals = process): () => void {
  const fire = (): void => {
    dispose();
    handler();
  };
  const dispose = (): void => {
    signals.removeListener('SIGINT', fire);
    signals.removeListener('SIGTERM', fire);
  };
  signals.once('SIGINT', fire);
  signals.once('SIGTERM', fire);
  return dispose;
}
