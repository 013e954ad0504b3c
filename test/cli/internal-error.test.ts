import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { repoRoot } from '../helpers/run-cli.js';

/** Runs main() with a stdout that breaks: a bug-like failure that is not the user's mistake. */
async function withBrokenStdout(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(argv, {
    stdout: {
      write: () => {
        throw new TypeError('stdout exploded');
      },
    },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: '',
    env: {},
    cwd: repoRoot,
    now: () => new Date('2026-11-26T12:00:00Z'),
  });
  return { code, stderr };
}

describe('an internal error', () => {
  it('exits 3 with a short message and a request to report it, no stack', async () => {
    const r = await withBrokenStdout(['estimate', 'examples/forum-case.yaml', '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'jss: internal error: stdout exploded\nThis is a bug in jss; please report it with the command you ran (--debug shows the stack).\n',
    );
  });

  it('shows the stack with --debug', async () => {
    const r = await withBrokenStdout(['estimate', 'examples/forum-case.yaml', '-q', '--debug']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^jss: internal error: stdout exploded\nTypeError: stdout exploded\n\s+at /);
  });
});
