import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempFiles } from '../rules/temp-files.js';

const EXAMPLES = ['examples/weekly-paid.yaml', 'examples/forum-case.yaml', 'examples/freelancer.yaml'];
const ALL_SETS = 'upwork-2026,upwork-2024,pessimistic,upwork-2015,upwork-2020';

/** Every command that prints something for people, with the inputs that make its widest output. */
const COMMANDS: string[][] = [
  ...EXAMPLES.flatMap((f) => [
    ['estimate', f],
    ['estimate', f, '--rules', ALL_SETS],
    ['forecast', f],
    ['forecast', f, '--step', 'month', '--rules', 'upwork-2026,pessimistic'],
    ['plan', f, '--target', '90'],
    ['plan', f, '--target', '99', '--rules', 'upwork-2026,upwork-2015'],
    ['validate', f],
  ]),
  ['estimate', 'test/fixtures/estimate/small.yaml', '--as-of', '2028-06-01'],
  ['whatif', 'examples/forum-case.yaml', '--set', 'BP-3=client-cancels:unhappy', '--rules', ALL_SETS],
  ['whatif', 'examples/weekly-paid.yaml', '--set', 'NW-1=keep-working', '--at', '2027-02-24'],
  ['infer', 'examples/why-did-it-drop.yaml'],
  ['infer', 'examples/why-did-it-drop.yaml', '--rules', 'upwork-2026,upwork-2015'],
  ['infer', 'examples/freelancer.yaml', '--observed', '2026-03-02=78', '--observed', '2026-09-21=87'],
  ['estimate', 'examples/freelancer.yaml', '--observed', '2026-03-02=78', '--observed', '2026-09-21=87'],
  ['forecast', 'examples/freelancer.yaml', '--from', '2025-11-26', '--observed', '2026-09-21=87'],
  ['rules'],
  ...['upwork-2026', 'upwork-2024', 'upwork-2020', 'upwork-2015', 'pessimistic'].map((r) => [
    'rules',
    'show',
    r,
  ]),
  ['--help'],
  ...['estimate', 'whatif', 'forecast', 'plan', 'infer', 'validate', 'init', 'schema', 'rules', 'import'].map(
    (c) => [c, '--help'],
  ),
];

/** Lines longer than `width`, but for one that holds a single word that cannot be broken. */
function tooLong(text: string, width: number): string[] {
  return text.split('\n').filter((line) => [...line].length > width && line.trim().includes(' '));
}

describe.each([60, 80, 120])('human output fits COLUMNS=%i', (width) => {
  it.each(COMMANDS.map((argv) => [argv.join(' '), argv]))('jss %s', async (_, argv) => {
    const r = await runCli(argv as string[], { env: { COLUMNS: String(width) } });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(tooLong(r.stdout, width)).toEqual([]);
    expect(tooLong(r.stderr, width)).toEqual([]);
  });

  it('jss init says what it wrote within the width', async () => {
    const cwd = tempFiles({});
    const init = await runCli(['init', 'mine.yaml'], { cwd, env: { COLUMNS: String(width) } });
    expect(init.code).toBe(0);
    expect(tooLong(init.stderr, width)).toEqual([]);
  });
});

describe('the output width', () => {
  const lineWidths = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

  it('is the terminal’s on a TTY, else COLUMNS, else 100', async () => {
    const argv = ['estimate', 'examples/freelancer.yaml', '--no-color'];
    const tty = await runCli(argv, { isTTY: true, columns: 70, env: { COLUMNS: '120' } });
    expect(lineWidths(tty.stdout)).toBeLessThanOrEqual(70);
    const env = await runCli(argv, { env: { COLUMNS: '70' } });
    expect(env.stdout).toBe(tty.stdout);
    const plain = await runCli(argv);
    expect(lineWidths(plain.stdout)).toBeLessThanOrEqual(100);
    expect(lineWidths(plain.stdout)).toBeGreaterThan(70);
    expect((await runCli(argv, { env: { COLUMNS: 'wide' } })).stdout).toBe(plain.stdout);
  });

  it('drops the least important columns first: the sums of each outcome, then the window start', async () => {
    const r = await runCli(['estimate', 'examples/freelancer.yaml'], { env: { COLUMNS: '60' } });
    const header = r.stdout.split('\n').find((l) => l.startsWith('window'));
    expect(header?.split(/\s+/)).toEqual(['window', 'score', 'outcomes', 'clients', 'eligible']);
    const wide = await runCli(['estimate', 'examples/freelancer.yaml'], { env: { COLUMNS: '120' } });
    expect(
      wide.stdout
        .split('\n')
        .find((l) => l.startsWith('window'))
        ?.split(/\s+/),
    ).toEqual([
      'window',
      'from',
      'score',
      'success',
      'neutral',
      'negative',
      'total',
      'outcomes',
      'clients',
      'eligible',
    ]);
  });

  it('the chart shrinks to the width', async () => {
    for (const width of [60, 120]) {
      const r = await runCli(['forecast', 'examples/forum-case.yaml'], { env: { COLUMNS: String(width) } });
      const axis = r.stdout.split('\n').find((l) => l.includes('└')) as string;
      expect([...axis].length).toBeLessThanOrEqual(width);
      expect([...axis].length).toBeGreaterThan(width - 15);
    }
  });
});
