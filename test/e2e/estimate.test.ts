import { spawn } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRuleSet } from '../../src/rules/read-rule-file.js';
import { BUILTIN } from '../../src/rules/rule-set-names.js';
import { contract, history } from '../helpers/history.js';
import { copyOfPackage, runCopy } from '../helpers/package-copy.js';
import { repoRoot, runBin, runCli } from '../helpers/run-cli.js';

// These run the built package (`npm test` builds first), as a user runs it.
describe('the built jss binary', () => {
  it('answers the forum question from the README quick start', async () => {
    const r = await runBin(['estimate', 'examples/forum-case.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^Projected JSS: \d+%/);
    expect(r.stdout).toContain('Recommended: leave-open.');
    expect(r.stderr).toBe('');
  });

  it('prints one JSON document for jq, and the same figures as in-process', async () => {
    const r = await runBin(['estimate', 'examples/freelancer.yaml', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, command: 'estimate', asOf: '2026-11-26' });
    expect(Number.isInteger(doc.jss)).toBe(true);
    expect(r.stdout).toBe((await runCli(['estimate', 'examples/freelancer.yaml', '--json'])).stdout);
  });

  it('writes a document many times a pipe’s buffer whole before it exits (it ends with process.exit)', async () => {
    const contracts = Array.from({ length: 1500 }, (_, i) =>
      contract({ id: `C-${i}`, client: `client-${i % 60}`, ...(i % 75 === 0 ? { status: 'active' } : {}) }),
    );
    const text = JSON.stringify(history(contracts));
    const r = await runBin(['estimate', '-', '--json'], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(4 * 64 * 1024);
    expect(r.stdout).toBe((await runCli(['estimate', '-', '--json'], { stdin: text })).stdout);
  });

  it('exits 1 under --fail-under and 2 on a bad file, with no stack trace', async () => {
    const fail = await runBin(['estimate', 'examples/forum-case.yaml', '-q', '--fail-under', '100.5']);
    expect(fail.code).toBe(2);
    const under = await runBin(['estimate', 'examples/freelancer.yaml', '-q', '--fail-under', '99']);
    expect(under.code).toBe(1);
    expect(under.stdout).toMatch(/^\d+%\n$/);
    const bad = await runBin(['estimate', '-'], { stdin: 'contracts: [ { id: 1 } ]\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^<stdin>:1:\d+: contracts\[0\]/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops quietly when the reader goes away (jss ... | head)', async () => {
    const child = spawn(process.execPath, ['bin/jss.js', 'estimate', 'examples/freelancer.yaml'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.destroy(); // the reader is gone before jss writes a byte
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toContain('EPIPE');
  });

  it('reads the built-in rule sets the build compiled, identical to the YAML', async () => {
    for (const name of BUILTIN) {
      const compiled = JSON.parse(
        readFileSync(
          fileURLToPath(new URL(`../../dist/builtin-rules/${name}.json`, import.meta.url)),
          'utf8',
        ),
      );
      expect(compiled).toEqual((await readRuleSet(name, { cwd: repoRoot })).ruleSet);
    }
  });

  it('runs on the compiled rule set alone, and on the YAML when the compiled one is missing', async () => {
    const expected = await runBin(['estimate', 'examples/freelancer.yaml']);
    expect(expected.code).toBe(0);
    const withoutYaml = copyOfPackage();
    const withoutJson = copyOfPackage();
    try {
      // no YAML: the run can only have read the set the build compiled
      for (const name of BUILTIN) rmSync(join(withoutYaml, 'rules', `${name}.yaml`));
      expect(runCopy(withoutYaml, ['estimate', 'examples/freelancer.yaml'])).toBe(expected.stdout);
      // no compiled set: the run reads the YAML instead (with zod, from the dependencies), to the same result
      rmSync(join(withoutJson, 'dist', 'builtin-rules'), { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules'), join(withoutJson, 'node_modules'));
      expect(runCopy(withoutJson, ['estimate', 'examples/freelancer.yaml'])).toBe(expected.stdout);
    } finally {
      rmSync(withoutYaml, { recursive: true, force: true });
      rmSync(withoutJson, { recursive: true, force: true });
    }
  });
});
