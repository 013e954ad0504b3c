import { describe, expect, it } from 'vitest';
import { formatProblem, UserError } from '../../src/errors.js';
import { loadHistory } from '../../src/io/load-history.js';
import { parseObservedOptions } from '../../src/io/observed-option.js';

const TODAY = '2026-11-30';

async function problems(text: string): Promise<string[]> {
  try {
    await loadHistory('-', { stdin: text, today: TODAY });
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

/** `FILE:LINE:COL: PATH: code` of each problem. */
async function codes(text: string): Promise<string[]> {
  try {
    await loadHistory('-', { stdin: text, today: TODAY });
  } catch (error) {
    if (error instanceof UserError)
      return error.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.path}: ${p.code}`);
    throw error;
  }
  return [];
}

const HEAD = 'asOf: 2026-11-26\ncontracts: []\nobserved:\n';

describe('observed scores in a history', () => {
  it('reads dates, whole scores, null for no score, and notes', async () => {
    const loaded = await loadHistory('-', {
      stdin: `${HEAD}  - { date: 2026-10-15, jss: 92 }\n  - { date: 2026-11-14, jss: null, note: gone }\n  - { date: 2026-11-20, jss: ~ }\n`,
      today: TODAY,
    });
    expect(loaded.history.observed).toEqual([
      { date: '2026-10-15', jss: 92 },
      { date: '2026-11-14', jss: null, note: 'gone' },
      { date: '2026-11-20', jss: null },
    ]);
  });

  it('locates a duplicate date, 101, a date after the history date and a string, all at once', async () => {
    const text = `${HEAD}  - { date: 2026-10-15, jss: 92 }\n  - { date: 2026-10-15, jss: 90 }\n  - { date: 2026-11-01, jss: 101 }\n  - { date: 2026-11-27, jss: 80 }\n  - { date: 2026-11-02, jss: "88" }\n`;
    expect(await codes(text)).toEqual([
      '<stdin>:5:13: observed[1].date: duplicate-observation',
      '<stdin>:6:30: observed[2].jss: out-of-range',
      '<stdin>:7:13: observed[3].date: date-after-history',
      '<stdin>:8:30: observed[4].jss: invalid-value',
    ]);
    expect((await problems(text))[0]).toBe(
      '<stdin>:5:13: observed[1].date: a second observation on 2026-10-15 (observed[0] has that date too)\n' +
        '  hint: Upwork shows one JSS a day: keep the one you saw, or correct the date',
    );
  });

  it('wants a jss on each observation, and no unknown keys', async () => {
    expect(await problems(`${HEAD}  - { date: 2026-10-15, score: 92 }\n`)).toEqual([
      '<stdin>:4:5: observed[0].jss: missing (required: the JSS you saw, 0..100, or null when no score was shown)',
      '<stdin>:4:25: observed[0].score: unknown key "score"\n  hint: valid: date, jss, note',
    ]);
  });

  it('takes `private: none` as a private rating', async () => {
    const loaded = await loadHistory('-', {
      stdin:
        'asOf: 2026-11-26\ncontracts:\n  - { id: a, client: a, type: fixed, status: ended, start: 2026-01-01, end: 2026-01-02, feedback: { public: 5, private: none } }\n',
      today: TODAY,
    });
    expect(loaded.history.contracts[0].feedback).toEqual({ public: 5, private: 'none' });
    expect(
      await problems(
        'asOf: 2026-11-26\ncontracts:\n  - { id: a, client: a, type: fixed, status: ended, start: 2026-01-01, end: 2026-01-02, feedback: { private: nope } }\n',
      ),
    ).toEqual([
      '<stdin>:3:110: contracts[0].feedback.private: expected a whole number 0..10 or `none`, got "nope"',
    ]);
  });
});

describe('--observed DATE=JSS', () => {
  it('reads whole scores and none', () => {
    expect(parseObservedOptions(['2026-10-15=92', '2026-11-01=none', '2026-11-26=0'], '2026-11-26')).toEqual([
      { date: '2026-10-15', jss: 92 },
      { date: '2026-11-01', jss: null },
      { date: '2026-11-26', jss: 0 },
    ]);
  });

  it('reports every bad value at once', () => {
    const problems = (() => {
      try {
        parseObservedOptions(
          [
            '2026-10-15',
            '2026-02-30=90',
            '2026-10-01=101',
            '2026-10-02=8.5',
            '2026-10-03=90',
            '2026-10-03=91',
            '2026-11-27=90',
          ],
          '2026-11-26',
        );
      } catch (error) {
        if (error instanceof UserError) return error.problems;
      }
      return [];
    })();
    expect(problems.map((p) => p.code)).toEqual([
      'invalid-format',
      'invalid-date',
      'out-of-range',
      'out-of-range',
      'duplicate-observation',
      'date-after-history',
    ]);
    expect(problems.map(formatProblem)).toEqual([
      '--observed 2026-10-15: expected DATE=JSS (e.g. 2026-10-15=92), or DATE=none when no score was shown',
      '--observed 2026-02-30=90: "2026-02-30" is not a date as YYYY-MM-DD\n  hint: expected DATE=JSS (e.g. 2026-10-15=92), or DATE=none when no score was shown',
      '--observed 2026-10-01=101: "101" is not a JSS: a whole number 0..100, or none when no score was shown',
      '--observed 2026-10-02=8.5: "8.5" is not a JSS: a whole number 0..100, or none when no score was shown',
      '--observed 2026-10-03=91: 2026-10-03 is given twice (also --observed 2026-10-03=90)\n  hint: Upwork shows one JSS a day: keep the one you saw',
      "--observed 2026-11-27=90: 2026-11-27 is after the history's date 2026-11-26\n  hint: an observation cannot be newer than the history: move the history's date later (asOf in the file; without asOf it is today)",
    ]);
  });
});
