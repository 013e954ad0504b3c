import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = 'test/fixtures/malformed';

/** Each malformed file: where the (first) problem is, and what the message there says. */
const CASES: [file: string, at: string, says: string][] = [
  // syntax
  [
    'yaml-syntax.yaml',
    '5:5',
    'invalid YAML: Flow sequence in block collection must be sufficiently indented',
  ],
  ['yaml-bad-indent.yaml', '3:9', 'invalid YAML: Nested mappings are not allowed in compact mappings'],
  ['yaml-tab-indent.yaml', '4:1', 'invalid YAML: Tabs are not allowed as indentation'],
  ['yaml-two-documents.yaml', '2:1', 'invalid YAML: the file holds more than one YAML document'],
  ['json-trailing-comma.json', '3:35', 'invalid JSON: Expected double-quoted property name'],
  ['json-bad-literal.json', '3:14', 'invalid JSON: Unexpected line end'],
  ['json-single-quotes.json', '2:3', "invalid JSON: Expected property name or '}'"],
  ['json-truncated.json', '4:1', "invalid JSON: Expected ',' or '}' after property value"],
  ['duplicate-key.yaml', '10:5', 'invalid YAML: duplicate key "client"'],
  ['duplicate-key.json', '4:3', 'invalid JSON: duplicate key "contracts"'],
  ['alias-bomb.yaml', '2:8', 'YAML aliases expand too far'],
  ['empty.yaml', '1:1', 'the file is empty'],
  ['comments-only.yaml', '1:1', 'expected a mapping with a `contracts` list, got nothing'],
  ['binary.yaml', '2:1', 'is binary, not a text file'],
  ['invalid-utf8.yaml', '4:16', 'is not valid UTF-8 text'],
  ['bom-crlf.yaml', '8:10', 'contracts[0].end: end 2026-01-01 is before start 2026-01-05'],
  // shape
  ['root-list.json', '1:1', 'expected a mapping with a `contracts` list, got a list'],
  ['contracts-not-list.yaml', '2:3', 'contracts: expected a list, got a mapping'],
  ['unknown-top-key.yaml', '2:1', 'contract: unknown key "contract"\n  hint: did you mean "contracts"?'],
  ['version-2.yaml', '1:10', 'version: expected 1, got 2'],
  ['asof-invalid.yaml', '1:7', 'asOf: "2026-13-01" is not a real calendar date'],
  ['date-feb-30.yaml', '7:12', 'contracts[0].start: "2026-02-30" is not a real calendar date'],
  ['date-as-number.json', '3:82', 'contracts[0].start: expected a date as YYYY-MM-DD, got 20260105'],
  ['wrong-type-earnings.yaml', '9:15', 'contracts[0].earnings: expected number, got "lots"'],
  ['negative-earnings.json', '3:16', 'contracts[0].earnings: -20 is negative'],
  ['missing-status.yaml', '3:5', 'contracts[0].status: missing (required: one of active | paused | ended)'],
  [
    'unknown-key-endReson.yaml',
    '10:5',
    'contracts[0].endReson: unknown key "endReson"\n  hint: did you mean "endReason"?',
  ],
  ['bad-reason-completd.yaml', '10:16', 'contracts[0].endReason: expected one of completed |'],
  ['bad-status.yaml', '6:13', 'contracts[0].status: expected one of active | paused | ended, got "closed"'],
  ['feedback-empty.yaml', '10:15', 'contracts[0].feedback: feedback gives no rating'],
  [
    'feedback-typo.yaml',
    '10:17',
    'contracts[0].feedback.publc: unknown key "publc"\n  hint: did you mean "public"?',
  ],
  ['private-decimal.yaml', '10:26', 'contracts[0].feedback.private: 7.5 is not a whole number'],
  ['public-out-of-range.json', '5:29', 'contracts[0].feedback.public: 9 stars is above 5'],
  ['proto-key.yaml', '10:5', 'contracts[0].__proto__: unknown key "__proto__"'],
  ['proto-key.json', '3:3', '__proto__: unknown key "__proto__"'],
  // checks across fields
  ['duplicate-id.yaml', '10:9', 'contracts[1].id: duplicate id "a1" (contracts[0] has it too)'],
  ['end-missing.yaml', '3:5', 'contracts[0].end: missing: an ended contract needs its end date'],
  ['end-on-open.yaml', '8:10', 'contracts[0].end: an open (active) contract has no end date'],
  [
    'endedby-on-open.yaml',
    '9:14',
    'contracts[0].endedBy: only ended contracts have endedBy; this one is paused',
  ],
  ['end-before-start.yaml', '8:10', 'contracts[0].end: end 2026-01-04 is before start 2026-01-05'],
  ['end-after-asof.yaml', '8:10', "contracts[0].end: end 2026-12-01 is after the history's date 2026-11-26"],
  [
    'start-after-asof.yaml',
    '7:12',
    "contracts[0].start: start 2026-12-01 is after the history's date 2026-11-26",
  ],
  [
    'payment-outside.yaml',
    '12:17',
    'contracts[0].payments[1].date: payment on 2026-02-02 is after end 2026-02-01',
  ],
  ['payments-sum.yaml', '11:7', 'contracts[0].payments: payments sum to $450.00 but earnings are $500.00'],
  ['refund-too-big.yaml', '10:15', 'contracts[0].refunded: refunded $600.00 is more than earnings $500.00'],
  [
    'payments-and-dates.yaml',
    '12:19',
    'contracts[0].firstPayment: firstPayment given beside a payments list',
  ],
  [
    'first-after-last.yaml',
    '11:18',
    'contracts[0].lastPayment: lastPayment 2026-01-10 is before firstPayment 2026-01-20',
  ],
  ['payments-zero-earnings.yaml', '10:18', 'contracts[0].lastPayment: lastPayment given but earnings are 0'],
  ['several-problems.yaml', '10:5', 'contracts[0].endReson: unknown key "endReson"'],
];

async function validate(path: string) {
  const result = await runCli(['validate', path]);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr).not.toMatch(/internal error/);
  return result.stderr;
}

describe('jss validate on malformed input', () => {
  it('has a case for every file in the corpus, and at least 30 of them', () => {
    expect(CASES.map(([file]) => file).sort()).toEqual(readdirSync(DIR).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('%s: exit 2, located at %s', async (file, at, says) => {
    const stderr = await validate(`${DIR}/${file}`);
    expect(stderr).toContain(`${DIR}/${file}:${at}: ${says}`);
    // Every line that is not a hint names the file with a line and a column.
    for (const line of stderr
      .trimEnd()
      .split('\n')
      .filter((l) => !l.startsWith('  hint: '))) {
      expect(line).toMatch(new RegExp(`^${DIR}/${file.replace('.', '\\.')}:\\d+:\\d+: `));
    }
  });

  it('reports every problem of a file in one run, in file order', async () => {
    const stderr = await validate(`${DIR}/several-problems.yaml`);
    const lines = stderr.split('\n').filter((l) => l && !l.startsWith('  hint: '));
    expect(lines.map((l) => l.replace(`${DIR}/several-problems.yaml:`, ''))).toEqual([
      '10:5: contracts[0].endReson: unknown key "endReson"',
      '16:10: contracts[1].end: end 2026-01-01 is before start 2026-01-05',
      '18:15: contracts[1].refunded: refunded $900.00 is more than earnings $500.00',
      '21:11: contracts[2].type: expected one of hourly | fixed, got "fixd"',
      '23:12: contracts[2].start: "2026-02-30" is not a real calendar date',
      '24:9: contracts[3].id: duplicate id "a1" (contracts[0] has it too)',
      '30:16: contracts[3].endReason: only ended contracts have endReason; this one is active',
    ]);
  });

  it('names a missing file', async () => {
    expect(await validate('no/such/contracts.yaml')).toBe(
      'no/such/contracts.yaml: no such file\n  hint: name your history file, or run `jss init` to write a commented example to start from\n',
    );
  });

  it('refuses a directory, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jss-dir-'));
    expect(await validate(dir)).toBe(
      `${dir}: is a directory, not a file\n  hint: name a YAML or JSON file\n`,
    );
  });

  it('locates problems in standard input as <stdin>', async () => {
    const result = await runCli(['validate', '-'], { stdin: 'contracts:\n  - id: a\n' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('<stdin>:2:5: contracts[0].client: missing (required string)');
  });
});
