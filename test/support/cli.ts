/** Runs the `handoff` CLI in-process and captures what it prints, for command-level tests. */
import { main } from '../../scripts/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd?: string): Promise<CliRun> {
  const prev = process.cwd();
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    if (cwd) process.chdir(cwd);
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.chdir(prev);
    out.mockRestore();
    err.mockRestore();
  }
}
