/**
 * Errors a user can act on. The CLI prints their message (never a stack) and exits with their code:
 * 1 for a failure or findings, 2 for a usage mistake.
 */
export class UserError extends Error {
  readonly exitCode: 1 | 2 = 1;
  constructor(
    message: string,
    /** Extra lines shown under the message: one problem each, already formatted. */
    readonly details: string[] = []
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A command was called with words it does not take. */
export class UsageError extends UserError {
  override readonly exitCode = 2 as const;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** One problem found in a file: where, what is wrong, how to fix it. */
export interface Problem {
  /** The file, relative to the project root where possible. */
  file: string;
  /** A JSON path (`$.attributes[3].key`) or an XML path; empty when the problem is the whole file. */
  path: string;
  message: string;
  fix: string;
}

export function formatProblem(p: Problem): string {
  const where = p.path ? `${p.file} ${p.path}` : p.file;
  return `${where}: ${p.message}${p.fix ? `. Fix: ${p.fix}` : ''}`;
}
