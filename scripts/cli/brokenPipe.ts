/**
 * A reader that stops reading (`handoff simulate x.json | head`) closes the pipe: Node then emits
 * EPIPE on stdout, and without a listener prints an "Unhandled 'error' event" stack. The command
 * goes on with its output dropped, so it still ends with its own exit code (`validate | head` in a
 * pipefail CI step still fails on findings).
 */
const guarded = new WeakSet<NodeJS.WritableStream>();

export function dropOutputOnBrokenPipe(stream: NodeJS.WritableStream = process.stdout): void {
  // Once per stream: tests run main() many times in one process.
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stream.write = (() => true) as typeof stream.write;
  });
}
