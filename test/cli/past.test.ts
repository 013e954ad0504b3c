import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { runCli } from '../helpers/run-cli.js';

const HISTORY = 'test/fixtures/past/history.yaml';
/** history.yaml as it stood on 2026-06-01, written by hand from DESIGN §8. */
const AS_IT_STOOD = 'test/fixtures/past/as-it-stood-2026-06-01.yaml';
const E = '2026-06-01';

async function json(argv: string[], stdin?: string) {
  const r = await runCli([...argv, '--json'], { stdin });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const withoutWarnings = ({ warnings: _warnings, ...rest }: { warnings: unknown }) => rest;

describe('--as-of before the history date: the history as it stood that day, on every command', () => {
  it('estimate gives what the hand-written history of that day gives, with pro-rated earnings as warnings', async () => {
    const rewound = await json(['estimate', HISTORY, '--as-of', E]);
    const written = await json(['estimate', AS_IT_STOOD]);
    reportSchemas.estimate[0].parse(rewound);
    expect(withoutWarnings(rewound)).toEqual(withoutWarnings(written));
    expect(rewound.contracts.map((c: { id: string; status: string }) => `${c.id} ${c.status}`)).toEqual([
      'A ended',
      'B active',
      'C ended',
      'D active',
    ]);
    expect(rewound.warnings.filter((w: { code: string }) => w.code === 'prorated-earnings')).toEqual([
      {
        code: 'prorated-earnings',
        contract: 'B',
        message:
          'B: earnings on 2026-06-01 taken as $1,934.91 of $3,000.00, pro rata by day from its first payment 2026-02-13 to its last 2026-07-31',
      },
      {
        code: 'prorated-earnings',
        contract: 'D',
        message:
          'D: earnings on 2026-06-01 taken as $168.12 of $1,200.00, pro rata by day from its first payment 2026-05-04 (guessed: its start) to its last 2026-11-26 (guessed: taken as paid recently)',
      },
    ]);
  });

  it('whatif, forecast and plan agree with the hand-written history too', async () => {
    for (const argv of [
      ['whatif', '--set', 'B=client-cancels:unhappy', '--at', '2026-07-01'],
      ['forecast', '--step', 'month'],
      ['plan', '--target', '95'],
    ]) {
      const [command, ...rest] = argv;
      const rewound = await json([command, HISTORY, ...rest, '--as-of', E]);
      const written = await json([command, AS_IT_STOOD, ...rest]);
      expect(rewound, command).toEqual(written);
    }
  });

  it('says so on stderr in human output: pro-rated earnings are warnings', async () => {
    const r = await runCli(['estimate', HISTORY, '--as-of', E, '-q']);
    expect(r.stdout).toBe('100%\n');
    const human = await runCli(['plan', HISTORY, '--target', '90', '--as-of', E]);
    expect(human.stderr).toContain('warning: B: earnings on 2026-06-01 taken as $1,934.91 of $3,000.00');
  });

  it('a changes file naming a contract that did not exist on that day is a located error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jss-past-'));
    writeFileSync(join(dir, 'later.yaml'), 'set:\n  - { contract: E, scenario: client-cancels }\n');
    writeFileSync(
      join(dir, 'again.yaml'),
      'add:\n  - { id: E, client: x, type: fixed, status: ended, start: 2026-05-01, end: 2026-05-02 }\n',
    );
    const cwd = process.cwd();
    for (const argv of [
      ['whatif', join(cwd, HISTORY), '--changes', 'later.yaml', '--as-of', E],
      ['forecast', join(cwd, HISTORY), '--changes', 'later.yaml', '--as-of', E],
    ]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'later.yaml:2:17: set[0].contract: E did not exist yet on the evaluation date 2026-06-01 (it starts 2026-08-03)\n' +
          '  hint: changes apply to the history as it stood on 2026-06-01: leave E out, or evaluate on a later day (--as-of)\n',
      );
    }
    const again = await runCli(['whatif', join(cwd, HISTORY), '--changes', 'again.yaml', '--as-of', E], {
      cwd: dir,
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'again.yaml:2:11: add[0].id: E is in the history already, starting 2026-08-03 (after the evaluation date 2026-06-01)',
    );
    const set = await runCli(['whatif', HISTORY, '--set', 'E=client-cancels', '--as-of', E]);
    expect(set.stderr).toContain(
      '--set E=client-cancels: E did not exist yet on the evaluation date 2026-06-01',
    );
  });
});

describe("validation against the history's date", () => {
  const late =
    'asOf: 2026-06-01\ncontracts:\n  - { id: a, client: a, type: fixed, status: active, start: 2026-06-02 }\n';

  it('a fact after the file asOf is an error whatever --as-of says, and the message names the history date', async () => {
    for (const asOf of [[], ['--as-of', '2026-12-01']]) {
      const r = await runCli(['estimate', '-', ...asOf], { stdin: late });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "<stdin>:3:61: contracts[0].start: start 2026-06-02 is after the history's date 2026-06-01\n" +
          "  hint: correct the date, or move the history's date later (asOf in the file; without asOf it is today)\n",
      );
    }
  });

  it('without asOf the history date is today, and the message says so', async () => {
    const r = await runCli(['validate', '-'], {
      stdin: 'contracts:\n  - { id: a, client: a, type: fixed, status: active, start: 2026-11-27 }\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "start 2026-11-27 is after the history's date 2026-11-26 (today: the file has no asOf)",
    );
  });
});

describe('observed scores', () => {
  const base = 'asOf: 2026-11-26\ncontracts: []\nobserved:\n';

  it.each([
    [
      'a duplicate date',
      '  - { date: 2026-10-01, jss: 90 }\n  - { date: 2026-10-01, jss: 91 }\n',
      '<stdin>:5:13: observed[1].date: a second observation on 2026-10-01',
    ],
    [
      '101',
      '  - { date: 2026-10-01, jss: 101 }\n',
      '<stdin>:4:30: observed[0].jss: 101 is above 100; a JSS is 0..100',
    ],
    [
      'a date after the history date',
      '  - { date: 2026-11-27, jss: 90 }\n',
      "<stdin>:4:13: observed[0].date: observation on 2026-11-27 is after the history's date 2026-11-26",
    ],
    [
      'a string',
      '  - { date: 2026-10-01, jss: "ninety" }\n',
      '<stdin>:4:30: observed[0].jss: expected the JSS as a whole number 0..100, or null for "no score shown", got "ninety"',
    ],
  ])('%s is a located error, exit 2', async (_what, entries, message) => {
    for (const command of ['validate', 'estimate', 'forecast']) {
      const r = await runCli([command, '-'], { stdin: base + entries });
      expect(r.code, command).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    }
  });

  it('--observed is checked too, exit 2', async () => {
    const r = await runCli([
      'estimate',
      HISTORY,
      '--observed',
      '2026-10-01=101',
      '--observed',
      '2026-12-01=90',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '--observed 2026-10-01=101: "101" is not a JSS: a whole number 0..100, or none when no score was shown\n' +
        "--observed 2026-12-01=90: 2026-12-01 is after the history's date 2026-11-26\n" +
        "  hint: an observation cannot be newer than the history: move the history's date later (asOf in the file; without asOf it is today)\n",
    );
  });

  it('are in the contracts schema', async () => {
    const schema = JSON.parse((await runCli(['schema', 'contracts'])).stdout);
    const observed = schema.properties.observed;
    expect(observed.type).toBe('array');
    expect(Object.keys(observed.items.properties)).toEqual(['date', 'jss', 'note']);
    expect(observed.items.required).toEqual(['date', 'jss']);
  });
});

describe('estimate against what you saw', () => {
  it('JSON: each observation up to the evaluation date, oldest first, with the model that day', async () => {
    const doc = await json(['estimate', HISTORY]);
    reportSchemas.estimate[0].parse(doc);
    expect(doc.observed).toEqual([
      { date: '2026-04-01', jss: 100, model: 100 },
      { date: '2026-06-01', jss: 100, model: 100 },
      { date: '2026-10-01', jss: 88, model: 100 },
    ]);
    // the option wins on a date; observations after the evaluation date are ignored
    const early = await json(['estimate', HISTORY, '--as-of', '2026-09-30', '--observed', '2026-06-01=none']);
    expect(early.observed).toEqual([
      { date: '2026-04-01', jss: 100, model: 100 },
      { date: '2026-06-01', jss: null, model: 100 },
    ]);
    expect((await json(['estimate', AS_IT_STOOD, '--rules', 'upwork-2024'])).observed).toHaveLength(2);
    expect((await json(['estimate', 'examples/freelancer.yaml'])).observed).toEqual([]);
  });

  it('human: "Against what you saw", marked where they differ, pointing to jss infer', async () => {
    const r = await runCli(['estimate', HISTORY]);
    expect(r.code).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('Against what you saw'), r.stdout.indexOf('\nWindows'));
    expect(section).toBe(
      [
        'Against what you saw',
        '  date        you saw  model',
        '  2026-04-01     100%   100%',
        '  2026-06-01     100%   100%',
        '  2026-10-01      88%   100%  ≠',
        'The model differs from what you saw on 1 of 3 days: `jss infer test/fixtures/past/history.yaml`',
        'shows which hidden ratings would explain it.',
        '',
      ].join('\n'),
    );
    const same = await runCli(['estimate', HISTORY, '--as-of', '2026-09-30']);
    expect(same.stdout).toContain('The model matches what you saw on all 2 days.');
    expect(same.stdout).not.toContain('jss infer');
    const none = await runCli(['estimate', 'examples/freelancer.yaml']);
    expect(none.stdout).not.toContain('Against what you saw');
    const several = await runCli(['estimate', HISTORY, '--rules', 'upwork-2024,pessimistic']);
    expect(several.stdout).toContain('  date        you saw  upwork-2024  pessimistic');
  });
});

describe('forecast --from', () => {
  it('starts the series on that day, the past as the history stood each day, and gains observed', async () => {
    const doc = await json([
      'forecast',
      HISTORY,
      '--from',
      '2026-01-01',
      '--step',
      'day',
      '--until',
      '2027-01-31',
    ]);
    reportSchemas.forecast[0].parse(doc);
    expect(doc.asOf).toBe('2026-11-26');
    expect(doc.series[0].date).toBe('2026-01-01');
    expect(doc.series.at(-1).date).toBe('2027-01-31');
    // each past day is what estimate --as-of that day gives
    for (const day of ['2026-03-27', E, '2026-07-31', '2026-08-01', '2026-10-01']) {
      const point = doc.series.find((p: { date: string }) => p.date === day);
      const estimate = await json(['estimate', HISTORY, '--as-of', day]);
      expect({ date: day, jss: estimate.jss, score: estimate.score, window: estimate.window }).toEqual(point);
    }
    expect(doc.observed).toEqual([
      { date: '2026-04-01', jss: 100 },
      { date: '2026-06-01', jss: 100 },
      { date: '2026-10-01', jss: 88 },
    ]);
    // the past's events come from comparing each day with the one before
    expect(doc.events.filter((e: { date: string }) => e.date === '2026-03-27')).toEqual([
      { date: '2026-03-27', contract: 'C', window: '24m', what: 'enters' },
      { date: '2026-03-27', contract: 'C', window: '12m', what: 'enters' },
      { date: '2026-03-27', contract: 'C', window: '6m', what: 'enters' },
      { date: '2026-03-27', contract: 'C', window: '3m', what: 'enters' },
    ]);
    // without --from: no observed, and the same future
    const plain = await json(['forecast', HISTORY, '--step', 'day', '--until', '2027-01-31']);
    expect(plain).not.toHaveProperty('observed');
    expect(doc.series.filter((p: { date: string }) => p.date >= '2026-11-26')).toEqual(plain.series);
  });

  it('draws today and the scores you saw on the chart', async () => {
    const r = await runCli(['forecast', HISTORY, '--from', '2026-01-01', '--step', 'week']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^JSS forecast: not shown on 2026-01-01, \d+% now, .* on 2028-11-26 {2}\(upwork-2026 rules\)\n/,
    );
    expect(r.stdout).toContain(
      'weekly from 2026-01-01 to 2028-11-26: each day before 2026-11-26 as the history stood then',
    );
    expect(r.stdout).toContain('↑ today 2026-11-26');
    expect(r.stdout).toContain('●');
    expect(r.stdout).toContain('You saw: 2026-04-01 100%, 2026-06-01 100%, 2026-10-01 88% (model 100%)');
  });

  it('refuses a --from after the evaluation date', async () => {
    const r = await runCli(['forecast', HISTORY, '--from', '2026-11-27']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--from 2026-11-27 is after the evaluation date 2026-11-26\n {2}hint: /);
  });
});

describe('jss import and the history date', () => {
  it('--merge moves an asOf the user wrote only when merged payments come after it, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jss-past-import-'));
    const csv = join(process.cwd(), 'test/fixtures/import/transactions-13.csv');
    const mine = (asOf: string) =>
      `version: 1\nasOf: ${asOf}\ncontracts:\n  - { id: mine, client: zeta, type: fixed, status: active, start: 2026-01-01 }\n`;
    writeFileSync(join(dir, 'late.yaml'), mine('2026-11-20'));
    const kept = await runCli(['import', csv, '--merge', 'late.yaml'], { cwd: dir });
    expect(kept.code).toBe(0);
    expect(readFileSync(join(dir, 'late.yaml'), 'utf8')).toContain('asOf: 2026-11-20\n');
    expect(kept.stderr).not.toContain('asOf moved');
    writeFileSync(join(dir, 'early.yaml'), mine('2026-08-01'));
    const moved = await runCli(['import', csv, '--merge', 'early.yaml'], { cwd: dir });
    expect(moved.code).toBe(0);
    expect(readFileSync(join(dir, 'early.yaml'), 'utf8')).toContain('asOf: 2026-09-04\n');
    expect(moved.stderr).toContain(
      "  asOf moved from 2026-08-01 to 2026-09-04, the export's latest date: it has payments after 2026-08-01\n",
    );
  });
});
