import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, isUserError } from '../../src/errors.js';
import { changesFileAlternative, parseSetOptions, setAlternative } from '../../src/io/alternative-options.js';
import { changesAlternative } from '../../src/io/changes-alternative.js';
import { type LoadedChanges, loadChanges } from '../../src/io/load-changes.js';
import { forumContracts } from '../helpers/forum-case.js';
import { history } from '../helpers/history.js';
import { upwork2024 } from '../helpers/rules.js';

const ASOF = '2026-11-26';
const rules = upwork2024();
const forum = history(forumContracts(), ASOF);
const dir = mkdtempSync(join(tmpdir(), 'jss-changes-'));
const dates = { asOf: ASOF, at: ASOF };

async function load(name: string, text: string): Promise<LoadedChanges> {
  writeFileSync(join(dir, name), text);
  return loadChanges(name, { cwd: dir });
}

/** The codes and hints of the problems a call throws as a UserError. */
async function codesAndHints(run: () => unknown): Promise<{ code: string; hint?: string }[]> {
  try {
    await run();
  } catch (error) {
    if (isUserError(error)) return error.problems.map(({ code, hint }) => ({ code, hint }));
    throw error;
  }
  throw new Error('expected a UserError');
}

/** The formatted problems a call throws as a UserError. */
async function problems(run: () => unknown): Promise<string[]> {
  try {
    await run();
  } catch (error) {
    if (isUserError(error)) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('loadChanges', () => {
  it('reads set, change and add, and names the alternative after the file unless it has a name', async () => {
    const loaded = await load(
      'cancel-now.yaml',
      `set:
  - { contract: BP-3, scenario: client-cancels, outcome: unhappy }
change:
  - { contract: 38211, fields: { title: renamed, notes: null } }
add:
  - { id: 7, client: newco, type: fixed, status: ended, start: 2026-11-01, end: 2026-11-20, earnings: 600 }
`,
    );
    expect(loaded.name).toBe('cancel-now');
    expect(loaded.changes.set).toEqual([
      { contract: 'BP-3', scenario: 'client-cancels', outcome: 'unhappy' },
    ]);
    expect(loaded.changes.change).toEqual([{ contract: '38211', fields: { title: 'renamed', notes: null } }]);
    expect(loaded.changes.add?.[0]).toMatchObject({
      id: '7',
      refunded: 0,
      dispute: 'none',
      clientSuspended: false,
    });
    expect((await load('x.json', '{ "name": "Plan B", "set": [] }')).name).toBe('Plan B');
  });

  it('reports every shape problem located, with did-you-mean for misspelt keys', async () => {
    const text = `set:
  - { contract: BP-3, scenario: client-cancels, outcom: unhappy }
change:
  - contract: BP-2
    fields: { staus: ended, id: BP-9, earnings: -3 }
adds: []
`;
    expect((await codesAndHints(() => load('bad.yaml', text))).map((p) => p.code)).toEqual([
      'unknown-key',
      'unknown-key',
      'out-of-range',
      'unknown-key',
    ]);
    const found = await problems(() => load('bad.yaml', text));
    expect(found).toEqual([
      'bad.yaml:2:49: set[0].outcom: unknown key "outcom"\n  hint: did you mean "outcome"?',
      'bad.yaml:5:15: change[0].fields.staus: unknown key "staus"\n  hint: did you mean "status"?',
      'bad.yaml:5:49: change[0].fields.earnings: -3 is negative; money is USD ≥ 0',
      'bad.yaml:6:1: adds: unknown key "adds"\n  hint: did you mean "add"?',
    ]);
  });

  it('refuses to change an id', async () => {
    const found = await problems(() =>
      load('id.yaml', 'change:\n  - { contract: BP-2, fields: { id: BP-9 } }\n'),
    );
    expect(found).toEqual([
      'id.yaml:2:33: change[0].fields.id: the id of a contract cannot change\n' +
        '  hint: remove id here; to have a contract under a new id, add it and leave the old one',
    ]);
  });
});

describe('changesAlternative', () => {
  it('applies the changes file to the history', async () => {
    const loaded = await load(
      'ok.yaml',
      'set:\n  - { contract: BP-3, scenario: client-cancels, outcome: unhappy }\n',
    );
    const alt = changesAlternative(loaded, forum, rules, dates);
    expect(alt.name).toBe('ok');
    expect(alt.history.contracts.find((c) => c.id === 'BP-3')).toMatchObject({
      status: 'ended',
      end: ASOF,
      feedback: { private: 4 },
    });
  });

  it('locates unknown contracts, scenarios and outcomes, listing the valid ones', async () => {
    const loaded = await load(
      'refs.yaml',
      `set:
  - { contract: BP-4, scenario: leave-open }
  - { contract: BP-3, scenario: client-cancel, outcome: unhappy }
change:
  - { contract: GL-2, fields: { earnings: 10 } }
`,
    );
    expect(
      (await codesAndHints(() => changesAlternative(loaded, forum, rules, dates))).map((p) => p.code),
    ).toEqual(['unknown-contract', 'unknown-scenario', 'unknown-contract']);
    expect(await problems(() => changesAlternative(loaded, forum, rules, dates))).toEqual([
      'refs.yaml:2:17: set[0].contract: no contract "BP-4" in the history\n  hint: did you mean "BP-3"? open contracts: BP-3',
      'refs.yaml:3:33: set[1].scenario: no scenario "client-cancel" in rule set upwork-2024\n' +
        '  hint: did you mean "client-cancels"? scenarios: keep-working, leave-open, freelancer-closes, client-completes, client-cancels, client-unhappy',
      'refs.yaml:5:17: change[0].contract: no contract "GL-2" in the history\n' +
        '  hint: did you mean "GL-1"? contracts: AC-1, GL-1, IN-1, BP-1, BP-2, BP-3',
    ]);
  });

  it('checks the changed history up to the day scored and reports its problems in the changes file', async () => {
    const loaded = await load(
      'later.yaml',
      `change:
  - { contract: BP-3, fields: { status: ended, end: 2027-01-10, endedBy: client } }
  - { contract: BP-2, fields: { status: active } }
add:
  - { id: N1, client: newco, type: hourly, status: active, start: 2026-12-01, earnings: 200, firstPayment: 2026-12-05 }
`,
    );
    expect(await problems(() => changesFileAlternative(loaded, forum, rules, dates))).toEqual([
      'later.yaml:2:53: change[0].fields.end: end 2027-01-10 is after the day scored 2026-11-26\n' +
        '  hint: dates of an alternative may run up to the day scored: correct the date, or pass a later --at',
      'later.yaml:3:5: change[1]: BP-2 after the changes: end: an open (active) contract has no end date\n' +
        '  hint: remove end, or set `status: ended`',
      expect.stringMatching(
        /^later\.yaml:3:5: change\[1\]: BP-2 after the changes: endedBy: only ended contracts/,
      ),
      expect.stringMatching(
        /^later\.yaml:3:5: change\[1\]: BP-2 after the changes: endReason: only ended contracts/,
      ),
      'later.yaml:5:5: add[0].lastPayment: missing: an open contract paid after the evaluation date 2026-11-26 needs its ' +
        'last payment date (a missing one is taken as the evaluation date)\n  hint: give lastPayment, or a payments list',
      'later.yaml:5:67: add[0].start: start 2026-12-01 is after the day scored 2026-11-26\n' +
        '  hint: dates of an alternative may run up to the day scored: correct the date, or pass a later --at',
      expect.stringMatching(
        /^later\.yaml:5:108: add\[0\]\.firstPayment: firstPayment 2026-12-05 is after the day scored/,
      ),
    ]);
    const fixed = await load(
      'fixed.yaml',
      `change:
  - { contract: BP-3, fields: { status: ended, end: 2027-01-10, endedBy: client } }
add:
  - { id: N1, client: newco, type: hourly, status: active, start: 2026-12-01, earnings: 200, firstPayment: 2026-12-05, lastPayment: 2027-01-20 }
`,
    );
    const alt = changesAlternative(fixed, forum, rules, { asOf: ASOF, at: '2027-02-01' });
    expect(alt.history.contracts.map((c) => c.id)).toEqual([
      'AC-1',
      'GL-1',
      'IN-1',
      'BP-1',
      'BP-2',
      'BP-3',
      'N1',
    ]);
  });
});

describe('changesAlternative, the library call', () => {
  it('words its hints without command-line options, unless the caller names them', async () => {
    const loaded = await load(
      'late.yaml',
      'change:\n  - { contract: BP-3, fields: { status: ended, end: 2027-01-10, endedBy: client } }\n',
    );
    const thrown = await codesAndHints(() => changesAlternative(loaded, forum, rules, dates));
    expect(thrown).toEqual([
      {
        code: 'date-after-history',
        hint: 'dates of an alternative may run up to the day scored: correct the date, or score a later day',
      },
    ]);
    expect(thrown.every((p) => !p.hint?.includes('--'))).toBe(true);
    const named = await codesAndHints(() =>
      changesAlternative(loaded, forum, rules, { ...dates, hints: { laterDay: 'raise the horizon' } }),
    );
    expect(named[0].hint).toMatch(/correct the date, or raise the horizon$/);
  });

  it('names a contract that did not exist yet on an earlier evaluation date', async () => {
    const loaded = await load('early.yaml', 'set:\n  - { contract: BP-3, scenario: leave-open }\n');
    const early = history(
      forumContracts().filter((c) => c.id !== 'BP-3'),
      ASOF,
    );
    const found = await codesAndHints(() =>
      changesAlternative(loaded, early, rules, { asOf: '2026-06-01', at: ASOF, written: forum }),
    );
    expect(found.map((p) => p.code)).toEqual(['contract-not-yet']);
    expect(found[0].hint).toMatch(/leave BP-3 out, or evaluate on a later day$/);
  });
});

describe('--set', () => {
  it('parses ID=SCENARIO[:OUTCOME]', () => {
    expect(parseSetOptions(['BP-3=client-cancels:unhappy', 'a=b=leave-open'])).toEqual({
      set: [
        { contract: 'BP-3', scenario: 'client-cancels', outcome: 'unhappy' },
        { contract: 'a=b', scenario: 'leave-open' },
      ],
    });
  });

  it.each(['BP-3', '=leave-open', 'BP-3=', 'BP-3=a:b:c', 'BP-3=client-cancels:'])(
    'refuses %s',
    async (value) => {
      expect(await problems(() => parseSetOptions([value]))).toEqual([
        `--set ${value}: expected ID=SCENARIO or ID=SCENARIO:OUTCOME\n` +
          '  hint: e.g. --set C9=client-cancels:unhappy (jss rules show NAME lists the scenarios)',
      ]);
    },
  );

  it('names the alternative by its choices, with the default outcome filled in', () => {
    const alt = setAlternative(['BP-3=client-completes'], forum, rules, dates);
    expect(alt.name).toBe('BP-3=client-completes:delighted');
    expect(alt.history.contracts[5]).toMatchObject({ status: 'ended', feedback: { public: 5, private: 10 } });
  });

  it('names the --set value in problems', async () => {
    expect(
      await problems(() =>
        setAlternative(['BP-3=client-cancels:furious', 'AC-1=leave-open'], forum, rules, dates),
      ),
    ).toEqual([
      '--set BP-3=client-cancels:furious: scenario client-cancels has no outcome "furious" in rule set upwork-2024\n' +
        '  hint: outcomes of client-cancels: recommends, lukewarm, unhappy, silent',
      '--set AC-1=leave-open: AC-1 is ended; scenarios apply to open (active or paused) contracts\n  hint: open contracts: BP-3',
    ]);
  });
});
