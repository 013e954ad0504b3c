import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type Problem } from '../../src/errors.js';
import { importFiles } from '../../src/import/import-files.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const WEEKLY = '"Date","Contract","Hours","Amount","Payment type"';
const T13 =
  'Date,Ref ID,Type,Description,Agency,Freelancer,Team,Account Name,PO,Amount,Amount in local currency,Currency,Balance';
const T19 =
  'Date,Transaction ID,Transaction Type,Transaction Summary,Transaction Summary Details,Description 1,Description 2,Description 3,Agency,Freelancer,Team,Account Name,PO,Ref ID,Amount $,Amount in local currency,Currency,Current Balance $,Payment Method';

function files(contents: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jss-import-acc-'));
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return dir;
}

async function problemsOf(promise: Promise<unknown>): Promise<Problem[]> {
  try {
    await promise;
  } catch (error) {
    if (isUserError(error)) return error.problems;
    throw error;
  }
  throw new Error('expected a UserError');
}

const weekly = [
  WEEKLY,
  '"2026-08-31","Website maintenance (41234567)","8:00","200.00",""',
  '"2026-08-24","Website maintenance (41234567)","6:30","162.50",""',
  '"2026-08-10","SEO audit (41234599)","","300.00","Fixed Price Payment"',
  '',
].join('\n');

describe('weekly summary types', () => {
  it('an empty type with hours is hourly; "Fixed Price Payment" is fixed-price', async () => {
    const cwd = files({ 'w.csv': weekly });
    const imported = await importFiles(['w.csv'], { cwd });
    expect(imported.contracts.map((c) => [c.id, c.type, c.earningsCents])).toEqual([
      ['41234599', 'fixed', 30000],
      ['41234567', 'hourly', 36250],
    ]);
  });

  it('a row of an unknown type that carries money is an error with file, line and type; one of $0 is left out', async () => {
    const cwd = files({
      'w.csv': `${weekly}"2026-08-11","SEO audit (41234599)","","50.00","Adjustment"\n"2026-08-12","SEO audit (41234599)","","0.00","Note"\n`,
    });
    expect(await problemsOf(importFiles(['w.csv'], { cwd }))).toEqual([
      expect.objectContaining({
        file: 'w.csv',
        line: 5,
        code: 'unknown-row-type',
        message: expect.stringContaining('"Adjustment"'),
      }),
    ]);
    const withoutMoney = files({
      'w.csv': `${weekly}"2026-08-12","SEO audit (41234599)","","0.00","Note"\n`,
    });
    const imported = await importFiles(['w.csv'], { cwd: withoutMoney });
    expect(imported.files[0].skipped.other).toBe(1);
  });
});

describe('the same payments twice', () => {
  it('the same weekly summary given twice counts once, and the summary says how many were dropped', async () => {
    const cwd = files({ 'a.csv': weekly, 'b.csv': weekly });
    const once = await importFiles(['a.csv'], { cwd });
    const twice = await importFiles(['a.csv', 'b.csv'], { cwd });
    expect(twice.contracts.map((c) => c.earningsCents)).toEqual(once.contracts.map((c) => c.earningsCents));
    expect(twice.duplicates).toBe(3);
    const r = await runCli(['import', 'a.csv', 'b.csv'], { cwd });
    expect(r.stderr).toContain('3 already in another file');
  });

  it('a payment found twice in one file and once in another counts twice; rows within one file are never merged', async () => {
    const row = '"2026-08-10","SEO audit (41234599)","","300.00","Fixed Price"';
    const cwd = files({ 'a.csv': `${WEEKLY}\n${row}\n${row}\n`, 'b.csv': `${WEEKLY}\n${row}\n` });
    for (const order of [
      ['a.csv', 'b.csv'],
      ['b.csv', 'a.csv'],
    ]) {
      const imported = await importFiles(order, { cwd });
      expect(imported.contracts[0].earningsCents).toBe(60000);
      expect(imported.duplicates).toBe(1);
    }
  });

  it('the same payments in the 13- and 19-column layouts count once (matched by date, kind, cents, client and description)', async () => {
    const cwd = files({
      'old.csv': `${T13}\n"Aug 10, 2026",111,Fixed Price,Invoice for Logo: Milestone 1 - Draft,,K,Acme,K,,300.00,300.00,USD,300.00\n`,
      'new.csv': `${T19}\n"Aug 10, 2026","999","Fixed Price","Invoice for Logo: Milestone 1 - Draft","","","","","","K","Acme","K","","111","300.00","300.00","USD","300.00",""\n`,
    });
    const imported = await importFiles(['old.csv', 'new.csv'], { cwd });
    expect(imported.contracts.map((c) => c.earningsCents)).toEqual([30000]);
    expect(imported.duplicates).toBe(1);
  });

  it('transaction and weekly-summary files are not matched against each other, only warned about', async () => {
    const cwd = files({
      'w.csv': `${WEEKLY}\n"2026-08-10","Logo (41234599)","","300.00","Fixed Price"\n`,
      't.csv': `${T13}\n"Aug 10, 2026",111,Fixed Price,Invoice for Logo (41234599),,K,Acme,K,,300.00,300.00,USD,300.00\n`,
    });
    const imported = await importFiles(['w.csv', 't.csv'], { cwd });
    expect(imported.duplicates).toBe(0);
    expect(imported.warnings[0]).toMatch(/counted twice/);
  });
});

describe('contract ids', () => {
  const t19 = (details: string) =>
    `${T19}\n"Aug 10, 2026","999","Fixed Price","Invoice for Logo: Milestone 1 - Draft","${details}","","","","","K","Acme","K","","111","300.00","300.00","USD","300.00",""\n`;

  it('are read from the 19-column layout’s Transaction Summary Details', async () => {
    for (const details of ['41234599', 'Contract ID: 41234599', 'Logo (41234599)']) {
      const imported = await importFiles(['t.csv'], { cwd: files({ 't.csv': t19(details) }) });
      expect(imported.contracts.map((c) => c.id)).toEqual(['41234599']);
    }
  });

  it('--merge finds a contract imported earlier under an imp- id by client, type and title, and keeps that id', async () => {
    const cwd = files({ 'before.csv': t19(''), 'after.csv': t19('41234599') });
    expect((await runCli(['import', 'before.csv', '-o', 'h.yaml'], { cwd })).code).toBe(0);
    const before = readFileSync(join(cwd, 'h.yaml'), 'utf8');
    const oldId = /id: (imp-[0-9a-f]{8})/.exec(before)?.[1];
    expect(oldId).toBeDefined();
    const r = await runCli(['import', 'after.csv', '--merge', 'h.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('0 added, 1 unchanged');
    const after = readFileSync(join(cwd, 'h.yaml'), 'utf8');
    expect(after.match(/^ {2}- id:/gm)).toHaveLength(1);
    expect(after).toContain(`id: ${oldId}`);
  });
});

describe('same bytes everywhere', () => {
  it('contract order does not depend on the locale (LANG=da_DK.UTF-8: "aa" sorts after "z" in Danish)', () => {
    const lines = [T13];
    // Client46's id is imp-aa727413: Danish collation puts "aa" after "z".
    for (const [i, client] of ['Aardvark', 'Zebra', 'Ødegaard', 'aa-lower', 'Alpha', 'Client46'].entries()) {
      lines.push(
        `"Aug 10, 2026",${i + 1},Fixed Price,Invoice for Job ${client},,K,${client},K,,100.00,100.00,USD,100.00`,
      );
    }
    const cwd = files({ 't.csv': `${lines.join('\n')}\n` });
    const run = (lang: string) =>
      spawnSync(process.execPath, [join(repoRoot, 'bin/jss.js'), 'import', 't.csv'], {
        cwd,
        env: { PATH: process.env.PATH, LANG: lang, LC_ALL: lang, NO_COLOR: '1' },
        encoding: 'utf8',
      }).stdout;
    const c = run('C');
    expect(c).toContain('client: Zebra');
    expect(run('da_DK.UTF-8')).toBe(c);
    expect(run('sv_SE.UTF-8')).toBe(c);
  });
});

describe('coverage', () => {
  it('warns when the exports cover less than 24 months, with the date to export from', async () => {
    const r = await runCli(['import', 'w.csv'], { cwd: files({ 'w.csv': weekly }) });
    expect(r.stderr).toContain(
      'warning: the exports cover 2026-08-10 to 2026-08-31, less than the 24 months the JSS looks back on: export your transactions from 2024-08-31 (or earlier)',
    );
    const long = `${WEEKLY}\n"2024-08-31","Old (40000001)","","10.00","Fixed Price"\n"2026-08-31","New (40000002)","","10.00","Fixed Price"\n`;
    const ok = await runCli(['import', 'w.csv'], { cwd: files({ 'w.csv': long }) });
    expect(ok.stderr).not.toContain('24 months');
  });
});

describe('many problems in an export', () => {
  it('shows the first 50, then how many more', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `"2026-08-${String((i % 28) + 1).padStart(2, '0')}","Job (41234599)","","5.00","Mystery"`,
    );
    const cwd = files({ 'w.csv': `${WEEKLY}\n${rows.join('\n')}\n` });
    const problems = await problemsOf(importFiles(['w.csv'], { cwd }));
    expect(problems).toHaveLength(51);
    expect(problems.slice(0, 50).every((p) => p.code === 'unknown-row-type')).toBe(true);
    expect(problems[50]).toMatchObject({
      code: 'too-many-problems',
      message: '... and 10 more problems not shown',
    });
  });
});
