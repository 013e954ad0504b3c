import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfPackage, runCopy } from '../helpers/package-copy.js';
import { repoRoot, runBin } from '../helpers/run-cli.js';

// Spawns the built bin/jss.js and its scripts in dist/cli/: run `npm run build` first (`npm test` does).

describe('the code cache of each command script', () => {
  it('is accepted by the node that built it (a rejected cache would only cost time, unseen)', () => {
    const check = `
      const { readFileSync } = require('node:fs');
      const { Script } = require('node:vm');
      const file = process.argv[1];
      const script = new Script(readFileSync(file + '.js', 'utf8'), { filename: file + '.js', cachedData: readFileSync(file + '.cache') });
      process.stdout.write(String(script.cachedDataRejected));`;
    for (const name of ['estimate', 'validate', 'jss']) {
      const out = execFileSync(process.execPath, ['-e', check, join(repoRoot, 'dist/cli', name)], {
        encoding: 'utf8',
      });
      expect(out, name).toBe('false');
    }
  });

  it('a corrupt or missing cache changes nothing but the time: V8 compiles the script anew', async () => {
    const expected = await runBin(['estimate', 'examples/freelancer.yaml']);
    const expectedHelp = await runBin(['--help']);
    expect(expected.code).toBe(0);
    const dir = copyOfPackage();
    try {
      writeFileSync(join(dir, 'dist/cli/estimate.cache'), 'not a V8 code cache');
      rmSync(join(dir, 'dist/cli/jss.cache'));
      expect(runCopy(dir, ['estimate', 'examples/freelancer.yaml'])).toBe(expected.stdout);
      expect(runCopy(dir, ['--help'])).toBe(expectedHelp.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a command whose script is missing runs in the script of every command', async () => {
    const dir = copyOfPackage();
    try {
      rmSync(join(dir, 'dist/cli/validate.js'));
      const expected = await runBin(['validate', 'examples/freelancer.yaml']);
      expect(runCopy(dir, ['validate', 'examples/freelancer.yaml'])).toBe(expected.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
