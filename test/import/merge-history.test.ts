import { describe, expect, it } from 'vitest';
import { importedId } from '../../src/import/contract-id.js';
import { importFiles } from '../../src/import/import-files.js';
import { mergeHistory } from '../../src/import/merge-history.js';
import { historyYaml } from '../../src/import/write-history.js';
import { validateHistory } from '../../src/io/load-history.js';
import { parseSource } from '../../src/io/parse-document.js';
import { repoRoot } from '../helpers/run-cli.js';

const TODAY = '2026-11-26';
const load = (file: string) => importFiles([`test/fixtures/import/${file}`], { cwd: repoRoot });
const LANDING = importedId('Acme Corp', 'fixed', 'Landing page');
const SEO = importedId('Acme Corp', 'fixed', 'SEO audit');
const BETA18 = importedId('Beta LLC', 'hourly', '18.00');
const BETA25 = importedId('Beta LLC', 'hourly', '25.00');

/** Replaces the text of one contract (from its `- id:` line to the blank line after it). */
function editContract(text: string, id: string, edit: (block: string) => string): string {
  const start = text.indexOf(`  - id: ${id}\n`);
  const end = text.indexOf('\n\n', start);
  const stop = end === -1 ? text.length : end;
  return text.slice(0, start) + edit(text.slice(start, stop)) + text.slice(stop);
}

/** What a user does after `jss import`: confirms one contract, rates another, notes things. */
async function userEditedHistory(): Promise<string> {
  const imported = await load('transactions-13.csv');
  let text = historyYaml(imported.contracts, imported.latest);
  text = text.replace(/^(version: 1.*\n)/m, '$1freelancer: Kristen # that is me\n');
  text = editContract(text, LANDING, (block) =>
    block
      .replace(/status: ended # .*\n/, 'status: ended\n')
      .replace(/end: 2026-07-01 # .*\n/, 'end: 2026-07-03 # the day they closed it\n')
      .concat(
        '\n    endedBy: client\n    endReason: completed\n    feedback: { public: 5, private: 9 }\n    notes: great client, wants a follow-up in spring',
      ),
  );
  text = editContract(
    text,
    BETA18,
    (block) => `${block}\n    # I asked them twice for feedback\n    feedback: none`,
  );
  return text;
}

describe('mergeHistory (YAML)', () => {
  it('keeps every field and comment the user wrote, refreshes the money, adds the new contract', async () => {
    const before = await userEditedHistory();
    await validateHistory(parseSource({ name: 'before', text: before }), { today: TODAY });
    const { text, plan } = await mergeHistory(
      { name: 'contracts.yaml', text: before },
      await load('transactions-later.csv'),
      TODAY,
    );

    for (const kept of [
      'freelancer: Kristen # that is me',
      'end: 2026-07-03 # the day they closed it',
      'endedBy: client',
      'endReason: completed',
      'feedback: { public: 5, private: 9 }',
      'notes: great client, wants a follow-up in spring',
      '# I asked them twice for feedback',
      'feedback: none',
      '# Contract history built by `jss import`',
      '# hourly at $18.00/hr',
    ]) {
      expect(text).toContain(kept);
    }
    const { history } = await validateHistory(parseSource({ name: 'merged', text }), { today: TODAY });
    // no asOf written by the import, none added by the merge: the history's date stays today's
    expect(history.asOf).toBeUndefined();
    const byId = new Map(history.contracts.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual([
      BETA18,
      LANDING,
      SEO,
      BETA25,
      importedId('Delta Inc', 'fixed', 'API integration'),
    ]);
    expect(byId.get(LANDING)).toMatchObject({
      status: 'ended',
      end: '2026-07-03',
      earnings: 1250.5,
      refunded: 50,
      feedback: { public: 5, private: 9 },
    });
    expect(byId.get(BETA25)).toMatchObject({ earnings: 712.5, status: 'ended', end: '2026-09-14' }); // still a guess: guessed again
    expect(byId.get(BETA25)?.payments?.map((p) => p.date)).toEqual([
      '2026-08-24',
      '2026-08-31',
      '2026-09-04',
      '2026-09-14',
    ]);
    expect(byId.get(SEO)).toMatchObject({ status: 'ended', end: '2026-08-20', earnings: 400 });
    expect(byId.get(BETA18)).toMatchObject({
      status: 'ended',
      end: '2026-03-16',
      earnings: 528,
      feedback: 'none',
    });
    expect(text).toMatch(
      /status: ended # guessed by jss import: no payment in the 30 days before 2026-10-20/,
    );
    expect(plan.added.map((c) => c.client)).toEqual(['Delta Inc']);
    expect(plan.untouched).toBe(0);
  });

  it('changes nothing when merging the export the file came from', async () => {
    const before = await userEditedHistory();
    const { text, plan } = await mergeHistory(
      { name: 'contracts.yaml', text: before },
      await load('transactions-13.csv'),
      TODAY,
    );
    expect(text).toBe(before);
    expect(plan.updated.map((u) => u.edits)).toEqual([[], [], [], []]);
    expect(plan.added).toEqual([]);
  });

  it('keeps an asOf the user wrote unless merged payments come after it, then moves it and says so', async () => {
    const mine = (asOf: string) =>
      `version: 1\nasOf: ${asOf} # mine\ncontracts:\n  - id: mine\n    client: zeta\n    type: fixed\n    status: active\n    start: 2026-01-01\n`;
    // transactions-13.csv: payments up to 2026-09-04 (its latest date)
    const late = await mergeHistory(
      { name: 'c.yaml', text: mine('2026-11-20') },
      await load('transactions-13.csv'),
      TODAY,
    );
    expect(late.text).toContain('asOf: 2026-11-20 # mine\n');
    expect(late.plan.asOf).toBeUndefined();
    const early = await mergeHistory(
      { name: 'c.yaml', text: mine('2026-08-01') },
      await load('transactions-13.csv'),
      TODAY,
    );
    expect(early.text).toContain('asOf: 2026-09-04 # mine\n');
    expect(early.plan).toMatchObject({ asOf: '2026-09-04', asOfWas: '2026-08-01' });
  });

  it('keeps a contract the export does not have, as it is', async () => {
    const before = `version: 1\nasOf: 2026-01-31\ncontracts:\n  - id: mine # typed by hand\n    client: zeta\n    type: fixed\n    status: active\n    start: 2026-01-01\n`;
    const { text } = await mergeHistory(
      { name: 'c.yaml', text: before },
      await load('transactions-13.csv'),
      TODAY,
    );
    expect(
      text.startsWith(
        `version: 1\nasOf: 2026-09-04\ncontracts:\n  - id: mine # typed by hand\n    client: zeta\n`,
      ),
    ).toBe(true);
    expect(
      (await validateHistory(parseSource({ name: 'm', text }), { today: TODAY })).history.contracts,
    ).toHaveLength(5);
  });

  it('refuses a history that is not valid to begin with, located', async () => {
    const before =
      'version: 1\ncontracts:\n  - id: a\n    client: x\n    type: fixed\n    status: ended\n    start: 2026-01-01\n';
    await expect(mergeHistory({ name: 'c.yaml', text: before }, { contracts: [] }, TODAY)).rejects.toThrow(
      /c\.yaml:3:5: contracts\[0\]\.end: missing/,
    );
  });
});

describe('mergeHistory (JSON)', () => {
  it('stays JSON, keeps the user fields, refreshes and adds', async () => {
    const before = JSON.stringify({
      version: 1,
      contracts: [
        {
          id: SEO,
          client: 'Acme Corp',
          type: 'fixed',
          status: 'active',
          start: '2026-08-10',
          earnings: 300,
          notes: 'mine',
        },
      ],
    });
    const { text } = await mergeHistory(
      { name: 'c.json', text: before },
      await load('transactions-13.csv'),
      TODAY,
    );
    const data = JSON.parse(text);
    expect(data.contracts[0]).toEqual({
      id: SEO,
      client: 'Acme Corp',
      type: 'fixed',
      status: 'active',
      start: '2026-08-10',
      earnings: 400,
      payments: [
        { date: '2026-08-10', amount: 300 },
        { date: '2026-08-20', amount: 100 },
      ],
      notes: 'mine',
    });
    expect(data.contracts).toHaveLength(4);
    await validateHistory(parseSource({ name: 'c.json', text }), { today: TODAY });
  });
});
