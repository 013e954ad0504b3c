import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/render/report-schema.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const BAD = `asOf: 2026-11-26
contracts:
  - { id: A, client: x, type: hourly, status: ended, start: 2026-01-01, end: 2026-02-01, earnings: 10, payments: [ { date: 2026-01-05, amount: 4 } ] }
  - { id: A, client: y, type: fixed, status: active, start: 2026-12-01, colour: red }
`;

const codes = (stdout: string) =>
  (JSON.parse(stdout) as { error: { problems: { code: string }[] } }).error.problems.map((p) => p.code);

describe('--json errors', () => {
  it('validate --json on a bad file prints every problem as one JSON document (exit 2), the message on stderr', async () => {
    const r = await runCli(['validate', '-', '--json'], { stdin: BAD });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(reportSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'validate' });
    expect(doc.error.problems[0]).toEqual({
      file: '<stdin>',
      line: 3,
      column: 114,
      path: 'contracts[0].payments',
      code: 'payments-sum',
      message: 'payments sum to $4.00 but earnings are $10.00',
      hint: 'add the missing payments or correct the amounts, or set earnings to their sum',
    });
    expect(codes(r.stdout)).toEqual(['payments-sum', 'duplicate-id', 'date-after-history', 'unknown-key']);
    expect(r.stderr).toContain('<stdin>:4:11: contracts[1].id: duplicate id "A" (contracts[0] has it too)');
  });

  it('every reporting command prints it for bad input, with null where a field does not apply', async () => {
    for (const command of ['estimate', 'forecast', 'whatif']) {
      const r = await runCli([command, 'no-such.yaml', '--json']);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({
        schemaVersion: 1,
        command,
        error: {
          problems: [
            {
              file: 'no-such.yaml',
              line: null,
              column: null,
              path: null,
              code: 'file-not-found',
              message: 'no such file',
              hint: expect.any(String),
            },
          ],
        },
      });
    }
  });

  it('bad usage with --json is a JSON document too; without --json stdout stays empty', async () => {
    const r = await runCli(['plan', 'examples/forum-case.yaml', '--target', 'lots', '--json']);
    expect(r.code).toBe(2);
    expect(codes(r.stdout)).toEqual(['bad-usage']);
    expect(r.stderr).toContain("argument 'lots' is invalid");
    const plain = await runCli(['validate', '-'], { stdin: BAD });
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe('');
  });

  it('jss schema report describes the error document', async () => {
    const r = await runCli(['schema', 'report']);
    expect(r.stdout).toContain('"title": "error (exit 2)"');
    const doc = JSON.parse(r.stdout);
    expect(JSON.stringify(doc)).toContain('"problems"');
  });
});

describe('many problems', () => {
  it('shows the first 50, then how many more, in text and in JSON', async () => {
    const contracts = Array.from(
      { length: 300 },
      (_, i) => `  - { id: c${i}, client: x, type: hourly, status: active, start: 2026-01-01, colour: red }`,
    );
    const text = `asOf: 2026-11-26\ncontracts:\n${contracts.join('\n')}\n`;
    const r = await runCli(['validate', '-', '--json'], { stdin: text });
    expect(r.code).toBe(2);
    const problems = JSON.parse(r.stdout).error.problems;
    expect(problems).toHaveLength(51);
    expect(problems[49]).toMatchObject({ line: 52, code: 'unknown-key' });
    expect(problems[50]).toMatchObject({
      code: 'too-many-problems',
      message: '... and 250 more problems not shown',
    });
    expect(r.stderr.trimEnd().split('\n').at(-2)).toBe('<stdin>: ... and 250 more problems not shown');
  });
});

describe('the list of problem codes', () => {
  it('docs/problem-codes.md names every code the source can give', () => {
    // Warnings (src/core) have codes of their own; these are the problems' codes.
    const files = readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.startsWith('core/'),
    );
    const codes = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(repoRoot, 'src', f), 'utf8');
      for (const m of text.matchAll(/\bcode: '([a-z]+(?:-[a-z]+)+|missing|binary|locked)'/g)) codes.add(m[1]);
      for (const m of text.matchAll(/\bcode: [^,\n]*\? '([a-z-]+)' : '([a-z-]+)'/g))
        codes.add(m[1]).add(m[2]);
      for (const m of text.matchAll(/^\s+'([a-z]+(?:-[a-z]+)+)',\s*$/gm))
        if (f.includes('import/read-')) codes.add(m[1]);
    }
    for (const m of readFileSync(join(repoRoot, 'src/io/schema-problems.ts'), 'utf8').matchAll(
      /: '([a-z]+-[a-z-]+)',/g,
    ))
      codes.add(m[1]);
    const doc = readFileSync(join(repoRoot, 'docs/problem-codes.md'), 'utf8');
    expect(codes.size).toBeGreaterThan(40);
    for (const code of codes) expect(doc, code).toContain(`\`${code}\``);
  });
});
