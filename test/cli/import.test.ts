import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateHistory } from '../../src/io/load-history.js';
import { parseSource } from '../../src/io/parse-document.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/import', name);
const tempDir = () => mkdtempSync(join(tmpdir(), 'jss-import-cli-'));
const validates = async (text: string) =>
  (await validateHistory(parseSource({ name: 'out', text }), { today: '2026-11-26' })).history;

describe('jss import', () => {
  it('prints a history that validates to stdout and a summary to stderr', async () => {
    const r = await runCli(['import', fixture('transactions-19.csv')]);
    expect(r.code).toBe(0);
    const history = await validates(r.stdout);
    // the export's latest date is a comment: the history's date stays today's
    expect(history.asOf).toBeUndefined();
    expect(r.stdout).toContain(
      "version: 1 # the export's latest date: 2026-09-04 (statuses below are guessed against it)\n",
    );
    expect(history.contracts.map((c) => [c.client, c.earnings])).toEqual([
      ['Beta LLC', 528],
      ['Acme Corp', 1250.5],
      ['Acme Corp', 400],
      ['Beta LLC', 362.5],
    ]);
    expect(r.stderr).toContain('jss import: read 21 rows from');
    expect(r.stderr).toContain('transactions-19.csv (transaction history, 19 columns)');
    expect(r.stderr).toContain('  used 10: 5 hourly, 3 fixed-price, 1 bonus, 1 refund\n');
    expect(r.stderr).toContain(
      '  skipped 11: 4 fee, 1 tax, 2 withdrawal, 1 Connects, 1 membership, 2 pending\n',
    );
    expect(r.stderr).toContain('  found 4 contracts with 2 clients\n');
    expect(r.stdout).not.toContain('jss import: read');
  });

  it('gives byte-identical output for the same export, whatever the day', async () => {
    const a = await runCli(['import', fixture('transactions-13.csv')]);
    const b = await runCli(['import', fixture('transactions-13.csv')], {
      now: new Date('2031-01-01T00:00:00Z'),
    });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('-o writes the file, refuses to overwrite it without --force, and replaces it with --force', async () => {
    const dir = tempDir();
    const first = await runCli(['import', fixture('transactions-13.csv'), '-o', 'contracts.yaml'], {
      cwd: dir,
    });
    expect(first).toMatchObject({ code: 0, stdout: '' });
    const written = readFileSync(join(dir, 'contracts.yaml'), 'utf8');
    await validates(written);
    expect(first.stderr).toContain('then run `jss estimate contracts.yaml`');

    writeFileSync(join(dir, 'contracts.yaml'), 'mine\n');
    const refused = await runCli(['import', fixture('transactions-13.csv'), '-o', 'contracts.yaml'], {
      cwd: dir,
    });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'contracts.yaml: already exists; not overwriting it\n  hint: pass --force to replace it\n',
    );
    expect(readFileSync(join(dir, 'contracts.yaml'), 'utf8')).toBe('mine\n');

    const forced = await runCli(
      ['import', fixture('transactions-13.csv'), '-o', 'contracts.yaml', '--force'],
      { cwd: dir },
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'contracts.yaml'), 'utf8')).toBe(written);
  });

  it('refuses to write over one of its CSV inputs', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), readFileSync(fixture('transactions-13.csv')));
    const r = await runCli(['import', 'export.csv', '-o', 'export.csv', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o export\.csv: is one of the CSV files being imported/);
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toBe(
      readFileSync(fixture('transactions-13.csv'), 'utf8'),
    );
  });

  it('an unknown layout: exit 2, the file and line, the known layouts, nothing written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bank.csv'), 'Posted,Payee,Amount\n2026-01-01,Shop,-5\n');
    const r = await runCli(['import', 'bank.csv', '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^bank\.csv:1: not a known Upwork export: the header line is "Posted,Payee,Amount"\n {2}hint: jss reads these Upwork CSV exports/,
    );
    expect(r.stderr).toContain('weekly summary: Date,Contract,Hours,Amount,Payment type');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('problems in several files are reported together, each at its line', async () => {
    const dir = tempDir();
    const header = readFileSync(fixture('weekly-summary.csv'), 'utf8').split('\n')[0];
    writeFileSync(join(dir, 'a.csv'), `${header}\n"2026-08-31","A (1)","1:00","twenty","Hourly"\n`);
    writeFileSync(join(dir, 'b.csv'), `${header}\n"2026-02-30","B (2)","1:00","20.00","Hourly"\n`);
    const r = await runCli(['import', 'a.csv', 'b.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('a.csv:2: amount "twenty" is not an amount of money');
    expect(r.stderr).toContain('b.csv:2: date "2026-02-30" is not a date');
  });

  it('warns when given both a transaction history and a weekly summary', async () => {
    const r = await runCli(['import', fixture('transactions-13.csv'), fixture('weekly-summary.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: both a transaction history and a weekly summary were given: .* counted twice/,
    );
  });
});

describe('jss import --merge', () => {
  it('keeps what the user wrote, refreshes the money, adds the new contract, drops nothing, and leaves a .bak', async () => {
    const dir = tempDir();
    expect(
      (await runCli(['import', fixture('transactions-13.csv'), '-o', 'contracts.yaml'], { cwd: dir })).code,
    ).toBe(0);
    const path = join(dir, 'contracts.yaml');
    // The user fills in what the export cannot tell.
    const edited = readFileSync(path, 'utf8')
      .replace(/^(version: 1.*\n)/m, '$1freelancer: Kristen\n')
      .replace(
        /status: ended # .*\n( {4}start: 2026-06-15\n) {4}end: 2026-07-01 # .*\n/,
        'status: ended # checked\n$1    end: 2026-07-01\n    endedBy: client\n    endReason: completed\n    feedback: { public: 5, private: 9 }\n    notes: "wants a follow-up in spring" # call in March\n',
      );
    expect(edited).toContain('call in March');
    writeFileSync(path, edited);
    const before = await validates(edited);

    const r = await runCli(['import', fixture('transactions-later.csv'), '--merge', 'contracts.yaml'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'merged into contracts.yaml: 3 updated, 1 added, 1 unchanged, 0 not in the export (left as they were); the previous version is in contracts.yaml.bak',
    );
    expect(readFileSync(join(dir, 'contracts.yaml.bak'), 'utf8')).toBe(edited);

    const text = readFileSync(path, 'utf8');
    const after = await validates(text);
    for (const line of [
      'freelancer: Kristen',
      'status: ended # checked',
      'feedback: { public: 5, private: 9 }',
      'notes: "wants a follow-up in spring" # call in March',
    ]) {
      expect(text).toContain(line);
    }
    expect(after.contracts.slice(0, before.contracts.length).map((c) => c.id)).toEqual(
      before.contracts.map((c) => c.id),
    );
    expect(after.contracts).toHaveLength(before.contracts.length + 1);
    expect(after.contracts.at(-1)).toMatchObject({
      client: 'Delta Inc',
      title: 'API integration',
      earnings: 600,
    });
    const landing = after.contracts.find((c) => c.title === 'Landing page')!;
    expect(landing).toMatchObject({
      endedBy: 'client',
      endReason: 'completed',
      feedback: { public: 5, private: 9 },
      notes: 'wants a follow-up in spring',
    });
    expect(after.contracts.find((c) => c.earnings === 712.5)?.payments).toHaveLength(4);

    // A second merge replaces the previous .bak with the file as it was.
    const again = await runCli(['import', fixture('transactions-later.csv'), '--merge', 'contracts.yaml'], {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'contracts.yaml.bak'), 'utf8')).toBe(text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('writes nothing when the history is not valid', async () => {
    const dir = tempDir();
    const bad =
      'version: 1\ncontracts:\n  - id: a\n    client: x\n    type: fixed\n    status: ended\n    start: 2026-01-01\n';
    writeFileSync(join(dir, 'contracts.yaml'), bad);
    const r = await runCli(['import', fixture('transactions-13.csv'), '--merge', 'contracts.yaml'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^contracts\.yaml:3:5: contracts\[0\]\.end: missing/);
    expect(existsSync(join(dir, 'contracts.yaml.bak'))).toBe(false);
    expect(readFileSync(join(dir, 'contracts.yaml'), 'utf8')).toBe(bad);
  });

  it('with -o, writes the merged history there and leaves the history alone', async () => {
    const dir = tempDir();
    const history = 'version: 1\ncontracts: []\n';
    writeFileSync(join(dir, 'contracts.yaml'), history);
    const r = await runCli(
      ['import', fixture('transactions-13.csv'), '--merge', 'contracts.yaml', '-o', 'merged.yaml'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'contracts.yaml'), 'utf8')).toBe(history);
    expect(existsSync(join(dir, 'contracts.yaml.bak'))).toBe(false);
    expect((await validates(readFileSync(join(dir, 'merged.yaml'), 'utf8'))).contracts).toHaveLength(4);
  });
});

it('jss import export.csv -o contracts.yaml && jss estimate contracts.yaml', async () => {
  const dir = tempDir();
  const imported = await runCli(['import', fixture('transactions-19-sentence.csv'), '-o', 'contracts.yaml'], {
    cwd: dir,
  });
  expect(imported.code).toBe(0);
  const estimate = await runCli(['estimate', 'contracts.yaml'], { cwd: dir });
  expect(estimate.stderr).not.toMatch(/internal error/);
  expect(estimate.code).toBe(0);
  expect(estimate.stdout).toMatch(/JSS|not shown/);
});
