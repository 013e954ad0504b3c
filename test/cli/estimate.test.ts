import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { runCli } from '../helpers/run-cli.js';

const SMALL = 'test/fixtures/estimate/small.yaml';

// By hand (upwork-2024): A1 success ×1.25 (counted 2026-06-10), B1 neutral ×1.5 (public 4),
// F1 success ×1 (public 5, dates guessed), C1 negative but older than 24 months, D1 excluded
// (no feedback), E1 open and pending. 24m and 12m: S = 2.25, T = 3.75 → 60. 6m holds only A1
// (one client): not eligible. So 60%, from the 24m window (first of the tie).
describe('jss estimate', () => {
  it('leads with the projected JSS and its window, then windows and contracts; warnings go to stderr', async () => {
    const r = await runCli(['estimate', SMALL]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'Projected JSS: 60%  (24m window, 60 exactly · upwork-2026 rules · as of 2026-11-26)',
    );
    // right under the headline: when the JSS next moves (DESIGN §5)
    expect(lines[1]).toBe('Next change: 2026-12-21, 60% → 100%: B1 leaves the 12m window');
    expect(lines[2]).toBe('top-rated (90%+): not met');
    expect(r.stdout).toMatch(/^24m\s+2024-11-26\s+60\s+2\.25\s+1\.5\s+0\s+3\.75\s+3\s+3\s+yes$/m);
    expect(r.stdout).toMatch(/^6m\s+2026-05-26\s+100\s+1\.25\s+0\s+0\s+1\.25\s+1\s+1\s+no$/m);
    expect(r.stdout).toMatch(
      /^C1\s+gamma\s+ended\s+negative\s+private-detractor\s+1.25\s+2024-10-01\s+\(aged out\)$/m,
    );
    expect(r.stdout).toMatch(/^D1\s+delta\s+ended\s+excluded\s+no-feedback\s+1\s+—$/m);
    expect(r.stderr).toContain('warning: F1: no first payment date given; taken as its start, 2026-02-01');
    expect(r.stderr).toContain('warning: F1: no last payment date given; taken as its end, 2026-03-01');
    expect(r.stdout).not.toContain('warning');
  });

  it('--json prints one document of the shape `jss schema report` describes', async () => {
    const r = await runCli(['estimate', SMALL, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    reportSchemas.estimate[0].parse(doc);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      command: 'estimate',
      asOf: '2026-11-26',
      jss: 60,
      score: 60,
      shown: true,
      window: '24m',
    });
    expect(doc.rules).toEqual({ name: 'upwork-2026', source: 'builtin' });
    expect(doc.next).toEqual({
      date: '2026-12-21',
      from: 60,
      to: 100,
      events: [{ contract: 'B1', window: '12m', what: 'leaves' }],
    });
    expect(doc.incomplete).toEqual([]);
    expect(doc.contracts.find((c: { id: string }) => c.id === 'A1')).toEqual({
      id: 'A1',
      client: 'acme',
      status: 'ended',
      outcome: 'success',
      rule: 'private-promoter',
      weight: 1.25,
      countedFrom: '2026-06-10',
      windows: ['24m', '12m', '6m'],
    });
    expect(doc.windows.find((w: { name: string }) => w.name === 'trending')).toMatchObject({
      from: null,
      score: null,
      eligible: false,
      total: null,
    });
    expect(doc.warnings.map((w: { code: string }) => w.code)).toEqual([
      'guessed-first-payment',
      'guessed-last-payment',
    ]);
    expect(doc.pending.map((p: { id: string }) => p.id)).toEqual(['E1']);
  });

  it('-q prints only the headline; --fail-under exits 1 below the mark', async () => {
    expect(await runCli(['estimate', SMALL, '-q'])).toEqual({ code: 0, stdout: '60%\n', stderr: '' });
    const below = await runCli(['estimate', SMALL, '-q', '--fail-under', '61']);
    expect(below).toMatchObject({ code: 1, stdout: '60%\n' });
    expect(below.stderr).toContain('below 61%');
    expect((await runCli(['estimate', SMALL, '-q', '--fail-under', '60'])).code).toBe(0);
    expect((await runCli(['estimate', SMALL, '--fail-under', '101'])).code).toBe(2);
  });

  it('a JSS that is not shown says why, and fails --fail-under 0', async () => {
    const r = await runCli(['estimate', SMALL, '--as-of', '2028-06-01', '--fail-under', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2).join(' ').replace(/ {3}/, ' ')).toBe(
      'Projected JSS: not shown — the 24m window holds 1 counted outcome from 1 client; Upwork shows a score only with at least 2 counted outcomes from 2 clients',
    );
  });

  it('--as-of evaluates on another day: B1 leaves the 12-month window on 2026-12-21', async () => {
    const day = async (asOf: string) =>
      JSON.parse((await runCli(['estimate', SMALL, '--json', '--as-of', asOf])).stdout);
    expect((await day('2026-12-20')).windows[1]).toMatchObject({ name: '12m', total: 3.75 });
    expect((await day('2026-12-21')).windows[1]).toMatchObject({ name: '12m', total: 2.25, score: 100 });
  });

  it('reads the history from stdin with -', async () => {
    const r = await runCli(['estimate', '-', '-q'], { stdin: readFileSync(SMALL, 'utf8') });
    expect(r).toEqual({ code: 0, stdout: '60%\n', stderr: '' });
  });

  it('several rule sets: one column each, and one JSON document with reports and consensus', async () => {
    const text = await runCli(['estimate', SMALL, '--rules', 'upwork-2024,pessimistic']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\s+upwork-2024\s+pessimistic$/m);
    expect(text.stdout).toMatch(/^Projected JSS\s+60%\s+\d+%$/m);
    // when each rule set's JSS next moves: pessimistic's idle E1 counts after 30 days, not 90
    expect(text.stdout).toMatch(/^next change\s+2026-12-21 → 100%\s+2026-12-01 → 26%$/m);
    const json = JSON.parse(
      (await runCli(['estimate', SMALL, '--rules', 'upwork-2024,pessimistic', '--json'])).stdout,
    );
    reportSchemas.estimate[1].parse(json);
    expect(json.reports.map((r: { rules: { name: string } }) => r.rules.name)).toEqual([
      'upwork-2024',
      'pessimistic',
    ]);
    expect(json.consensus.map((c: { id: string }) => c.id)).toEqual(['E1']);
  });

  it('colours only on a TTY without NO_COLOR, TERM=dumb or --no-color', async () => {
    const ansi = '\u001b[';
    expect((await runCli(['estimate', SMALL], { isTTY: true })).stdout).toContain(ansi);
    expect((await runCli(['estimate', SMALL], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(
      ansi,
    );
    expect((await runCli(['estimate', SMALL], { isTTY: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(
      ansi,
    );
    expect((await runCli(['estimate', SMALL, '--no-color'], { isTTY: true })).stdout).not.toContain(ansi);
    expect((await runCli(['estimate', SMALL, '--json'], { isTTY: true })).stdout).not.toContain(ansi);
    expect((await runCli(['estimate', SMALL])).stdout).not.toContain(ansi);
  });

  it('bad input: exit 2, located message, nothing on stdout', async () => {
    const r = await runCli(['estimate', '-'], {
      stdin:
        'contracts:\n  - id: 1\n    client: a\n    type: fixed\n    status: ended\n    start: 2026-01-01\n',
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: contracts\[0\]/m);
    const rules = await runCli(['estimate', SMALL, '--rules', 'upwork-2042']);
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('upwork-2026');
  });
});

const WEEKLY = 'examples/weekly-paid.yaml';

describe('jss estimate: a weekly-paid, active contract (examples/weekly-paid.yaml)', () => {
  it.each(['upwork-2026', 'upwork-2024'])(
    'recommends keep-working under %s, naming the idle day',
    async (rules) => {
      const doc = JSON.parse((await runCli(['estimate', WEEKLY, '--rules', rules, '--json'])).stdout);
      const [nw] = doc.pending;
      expect(nw.id).toBe('NW-1');
      expect(nw.recommendation.scenario).toBe('keep-working');
      expect(nw.recommendation.why).toContain('left as it is: 77% (it turns idle on 2027-02-17)');
      expect(nw.recommendation.why).toMatch(
        /^Keep working and invoicing as before: 100% on 2027-02-24 under /,
      );
      const keep = nw.scenarios.find((s: { name: string }) => s.name === 'keep-working');
      expect(keep.outcomes).toEqual([
        {
          name: 'paid-as-before',
          now: { jss: 100, delta: 0 },
          horizon: { date: '2027-02-24', jss: 100, delta: 23 },
        },
      ]);
      // next is the idle day, with the drop it brings
      expect(doc.next).toEqual({
        date: '2027-02-17',
        from: 100,
        to: 77,
        events: [
          { contract: 'NW-1', window: null, what: 'turns-idle' },
          ...['24m', '12m', '6m', '3m'].map((window) => ({ contract: 'NW-1', window, what: 'enters' })),
        ],
      });
      expect(doc.warnings).toEqual([]);
    },
  );

  it('says the next change right under the headline, and the why in figures that match the table', async () => {
    const r = await runCli(['estimate', WEEKLY]);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe(
      'Next change: 2027-02-17, 100% → 77%: NW-1 turns idle and enters the 24m, 12m, 6m and 3m windows — a',
    );
    expect(lines[2]).toBe('  payment before then avoids it');
    expect(r.stdout).toMatch(/^ {2}\* {2}keep-working\s+paid-as-before\s+100%\s+0\s+100%\s+\+23$/m);
    expect(r.stdout).toMatch(/^ {5}leave-open\s+stays-open\s+100%\s+0\s+77%\s+0$/m);
    expect(r.stdout).toMatch(/^ {5}client-unhappy\s+unhappy\s+54%\s+−46\s+54%\s+−23$/m);
    expect(r.stdout).toContain('Recommended: keep-working.');
  });

  it('prints a scenario whose outcomes all give the same figures as one row; JSON keeps each outcome', async () => {
    const r = await runCli(['estimate', 'examples/forum-case.yaml']);
    expect(r.stdout).toMatch(/^ {5}freelancer-closes {2}all outcomes\s+100%\s+0\s+100%\s+0$/m);
    expect(r.stdout).toMatch(/^ {5}client-unhappy\s+unhappy\s+70%\s+−30\s+70%\s+−30$/m);
    expect(r.stdout).toMatch(/^ {24}silent\s+100%\s+0\s+100%\s+0$/m);
    const doc = JSON.parse((await runCli(['estimate', 'examples/forum-case.yaml', '--json'])).stdout);
    const closes = doc.pending[0].scenarios.find((s: { name: string }) => s.name === 'freelancer-closes');
    expect(closes.outcomes.map((o: { name: string }) => o.name)).toEqual(['delighted', 'lukewarm', 'silent']);
  });

  it('is robust across upwork-2026, upwork-2024 and pessimistic', async () => {
    const doc = JSON.parse(
      (await runCli(['estimate', WEEKLY, '--rules', 'upwork-2026,upwork-2024,pessimistic', '--json'])).stdout,
    );
    expect(doc.consensus).toEqual([{ id: 'NW-1', scenario: 'keep-working', robust: true, disagree: [] }]);
  });
});

describe('jss estimate: provisional scores and guessed dates', () => {
  const ended = (id: string, client: string, end: string, extra = '') =>
    `  - { id: ${id}, client: ${client}, type: fixed, status: ended, start: ${end}, end: ${end}, earnings: 300${extra} }\n`;
  const file = `asOf: 2026-11-26\ncontracts:\n${ended('A', 'a', '2026-03-01', ', feedback: { public: 5 }')}${ended('B', 'b', '2026-04-01')}${ended('C', 'c', '2026-05-01')}${ended('D', 'd', '2022-05-01')}  - { id: O1, client: o, type: hourly, status: active, start: 2026-10-01, earnings: 500 }\n  - { id: O2, client: p, type: hourly, status: paused, start: 2026-09-01, earnings: 200, firstPayment: 2026-09-01 }\n`;

  it('calls a JSS with ended contracts without feedback provisional, and how many (JSON: incomplete)', async () => {
    const r = await runCli(['estimate', '-'], { stdin: file });
    expect(r.stdout.split('\n')[0]).toMatch(
      /^Projected JSS: 33%, provisional \(2 contracts without feedback\) {2}\(/,
    );
    const doc = JSON.parse((await runCli(['estimate', '-', '--json'], { stdin: file })).stdout);
    // D ended too long ago to count in the 24m window
    expect(doc.incomplete).toEqual(['B', 'C']);
    expect((await runCli(['estimate', '-', '-q'], { stdin: file })).stdout).toBe('33%\n');
  });

  it('summarises guesses for ended contracts in one line per kind, and warns plainly per open contract', async () => {
    const r = await runCli(['estimate', '-'], { stdin: file });
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      'warning: 4 ended contracts have no first payment date: each is taken as first paid on its start',
      '  (--json lists them)',
      'warning: 4 ended contracts have no last payment date: each is taken as last paid on its end (--json',
      '  lists them)',
      'warning: O1: no last payment date given; taken as paid on 2026-11-26, so it cannot turn idle before',
      '  2027-02-24: write its lastPayment',
      'warning: O2: no last payment date given; taken as paid on 2026-11-26, so it cannot turn idle before',
      '  2027-02-24: write its lastPayment',
    ]);
    // JSON keeps one warning per guess
    const doc = JSON.parse((await runCli(['estimate', '-', '--json'], { stdin: file })).stdout);
    expect(doc.warnings.map((w: { contract: string; code: string }) => `${w.contract} ${w.code}`)).toEqual([
      'A guessed-first-payment',
      'A guessed-last-payment',
      'B guessed-first-payment',
      'B guessed-last-payment',
      'C guessed-first-payment',
      'C guessed-last-payment',
      'D guessed-first-payment',
      'D guessed-last-payment',
      'O1 guessed-first-payment',
      'O1 guessed-last-payment',
      'O2 guessed-last-payment',
    ]);
  });
});
