import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/render/style.js';
import { terminalSafe } from '../../src/render/terminal-safe.js';
import { runCli } from '../helpers/run-cli.js';

const ESC = '\u001b';
const history = `asOf: 2026-11-26
contracts:
  - { id: "C1\\e[2J", client: "acme\\rEVIL", type: fixed, status: ended, start: 2026-01-01, end: 2026-02-01, earnings: 100, feedback: { public: 5 } }
  - { id: "C2\\u202e", client: b, type: fixed, status: active, start: 2026-01-01, earnings: 100 }
`;

describe('terminal injection', () => {
  it('escapes control and bidi characters, keeping line ends, tabs and (when asked) colour', () => {
    expect(terminalSafe(`a${ESC}[2Jb\rc\u202ed\u0007\n\te\u009b`)).toBe(
      'a\\x1b[2Jb\\rc\\u202ed\\x07\n\te\\x9b',
    );
    expect(terminalSafe(`${ESC}[31mred${ESC}[39m ${ESC}[2J`, { keepColour: true })).toBe(
      `${ESC}[31mred${ESC}[39m \\x1b[2J`,
    );
    expect(terminalSafe(`${ESC}[31mred`)).toBe('\\x1b[31mred');
  });

  it('ids and client names from a file are shown escaped in human output; JSON keeps the exact strings', async () => {
    const human = await runCli(['estimate', '-'], { stdin: history });
    expect(human.code).toBe(0);
    for (const ch of [ESC, '\r', '\u202e']) expect(human.stdout).not.toContain(ch);
    expect(human.stdout).toContain('C1\\x1b[2J');
    expect(human.stdout).toContain('acme\\rEVIL');
    for (const ch of [ESC, '\r', '\u202e']) expect(human.stderr).not.toContain(ch);
    const json = await runCli(['estimate', '-', '--json'], { stdin: history });
    const ids = JSON.parse(json.stdout).contracts.map((c: { id: string }) => c.id);
    expect(ids).toEqual([`C1${ESC}[2J`, 'C2\u202e']);
  });

  it('messages about a hostile key are escaped; the --json error document keeps it exact', async () => {
    const text = 'asOf: 2026-11-26\ncontracts: []\n"x\\e]0;title\\a": 1\n';
    const r = await runCli(['validate', '-', '--json'], { stdin: text });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key "x\\x1b]0;title\\x07"');
    expect(r.stderr).not.toContain(ESC);
    expect(JSON.parse(r.stdout).error.problems[0].message).toBe(`unknown key "x${ESC}]0;title\u0007"`);
  });

  it('a bad option value is escaped in commander’s message too', async () => {
    const r = await runCli(['plan', 'x.yaml', '--target', `9${ESC}[2J`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('9\\x1b[2J');
    expect(r.stderr).not.toContain(ESC);
  });
});

describe('FORCE_COLOR', () => {
  it('turns colour on off a terminal, below NO_COLOR, --no-color and --json; FORCE_COLOR=0 turns it off', () => {
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '' } })).toBe(true);
    expect(colorEnabled({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' }, color: false })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1' }, json: true })).toBe(false);
    expect(colorEnabled({ isTTY: false, env: { FORCE_COLOR: '1', TERM: 'dumb' } })).toBe(true);
  });

  it('colours piped output when set', async () => {
    const forced = await runCli(['estimate', 'examples/forum-case.yaml'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}[`);
    const plain = await runCli(['estimate', 'examples/forum-case.yaml'], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(plain.stdout).not.toContain(ESC);
  });
});
