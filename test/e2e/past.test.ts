import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/run-cli.js';

// The built package, as a user runs it (`npm test` builds first).
describe('the built jss binary and the past', () => {
  it('forecast --from prints the same document as in-process, with the observations', async () => {
    const argv = [
      'forecast',
      'test/fixtures/past/history.yaml',
      '--from',
      '2026-01-01',
      '--step',
      'month',
      '--json',
    ];
    const built = await runBin(argv);
    expect(built.code).toBe(0);
    const doc = JSON.parse(built.stdout);
    expect(doc.observed).toEqual([
      { date: '2026-04-01', jss: 100 },
      { date: '2026-06-01', jss: 100 },
      { date: '2026-10-01', jss: 88 },
    ]);
    expect(doc).toEqual(JSON.parse((await runCli(argv)).stdout));
  });

  it('a bad observation exits 2 with a located message, no stack trace', async () => {
    const r = await runBin(['estimate', '-'], {
      stdin: 'asOf: 2026-11-26\ncontracts: []\nobserved:\n  - { date: 2026-10-01, jss: 101 }\n',
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('<stdin>:4:30: observed[0].jss: 101 is above 100; a JSS is 0..100\n');
  });
});
