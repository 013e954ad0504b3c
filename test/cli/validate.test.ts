import { describe, expect, it } from 'vitest';
import { reportSchemas } from '../../src/render/report-schema.js';
import { runCli } from '../helpers/run-cli.js';

describe('jss validate', () => {
  it('prints one line for a valid history: contracts, clients, open, evaluation date', async () => {
    const r = await runCli(['validate', 'examples/freelancer.yaml']);
    expect(r).toEqual({
      code: 0,
      stdout: 'examples/freelancer.yaml: valid — 23 contracts, 17 clients, 2 open (as of 2026-11-26)\n',
      stderr: '',
    });
  });

  it('validates the forum case', async () => {
    const r = await runCli(['validate', 'examples/forum-case.yaml']);
    expect(r).toEqual({
      code: 0,
      stdout: 'examples/forum-case.yaml: valid — 9 contracts, 6 clients, 1 open (as of 2026-11-26)\n',
      stderr: '',
    });
  });

  it('--json prints the validate document', async () => {
    const r = await runCli(['validate', 'examples/forum-case.yaml', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toEqual({
      schemaVersion: 1,
      command: 'validate',
      file: 'examples/forum-case.yaml',
      valid: true,
      asOf: '2026-11-26',
      contracts: 9,
      clients: 6,
      open: 1,
    });
    reportSchemas.validate[0].parse(doc);
  });

  it('-q prints nothing on success', async () => {
    expect(await runCli(['validate', 'examples/freelancer.yaml', '-q'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('--as-of wins over the file, and today (UTC) is the default; counts singular and plural', async () => {
    const stdin = 'contracts:\n  - { id: 1, client: a, type: fixed, status: active, start: 2026-03-01 }\n';
    const dated = await runCli(['validate', '-', '--as-of', '2026-04-01'], { stdin });
    expect(dated.stdout).toBe('<stdin>: valid — 1 contract, 1 client, 1 open (as of 2026-04-01)\n');
    const today = await runCli(['validate', '-'], { stdin, now: new Date('2026-05-02T23:59:00Z') });
    expect(today.stdout).toBe('<stdin>: valid — 1 contract, 1 client, 1 open (as of 2026-05-02)\n');
    // an earlier day counts the history as it stood then; dates are checked against the history's date
    const early = await runCli(['validate', '-', '--as-of', '2026-02-01'], { stdin });
    expect(early.stdout).toBe('<stdin>: valid — 0 contracts, 0 clients, 0 open (as of 2026-02-01)\n');
    const late = await runCli(['validate', '-', '--as-of', '2026-04-01'], {
      stdin,
      now: new Date('2026-02-01T12:00:00Z'),
    });
    expect(late.code).toBe(2);
    expect(late.stderr).toContain(
      "<stdin>:2:61: contracts[0].start: start 2026-03-01 is after the history's date 2026-02-01 (today: the file has no asOf)",
    );
  });

  it('accepts an empty list of contracts', async () => {
    const r = await runCli(['validate', '-', '--json'], { stdin: '{"contracts": []}' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ contracts: 0, clients: 0, open: 0 });
  });

  it('with --json and a broken file prints the problems as the error document on stdout, and as messages on stderr', async () => {
    const r = await runCli(['validate', 'test/fixtures/malformed/end-missing.yaml', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.problems).toMatchObject([{ line: 3, column: 5, code: 'end-missing' }]);
    expect(r.stderr).toContain('end-missing.yaml:3:5: contracts[0].end: missing');
  });

  it('rejects a bad --as-of before reading anything', async () => {
    const r = await runCli(['validate', 'examples/freelancer.yaml', '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('expected a real date as YYYY-MM-DD');
  });
});
