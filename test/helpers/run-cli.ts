import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  isTTY?: boolean;
  /** The terminal's width, when stdout is a terminal. */
  columns?: number;
  /** Whether stderr is a terminal (default false). */
  stderrIsTTY?: boolean;
  now?: Date;
}

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `main(argv, io)` in-process and captures what it writes. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.isTTY ?? false, columns: options.columns },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.stderrIsTTY ?? false },
    stdin: options.stdin ?? '',
    env: options.env ?? {},
    cwd: options.cwd ?? repoRoot,
    now: () => options.now ?? new Date('2026-11-26T12:00:00Z'),
  });
  return { code, stdout, stderr };
}

/** Spawns the built `bin/jss.js` (run `npm run build` first; `npm test` does). */
export function runBin(argv: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [fileURLToPath(new URL('../../bin/jss.js', import.meta.url)), ...argv],
      { cwd: options.cwd ?? repoRoot, env: { PATH: process.env.PATH, NO_COLOR: '1', ...options.env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}
