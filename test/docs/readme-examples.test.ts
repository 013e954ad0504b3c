import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/**
 * Every `$ jss …` line in a ```console block of the README, CONTRIBUTING.md and docs/*.md is run through
 * `main()` (today is 2026-11-26, no terminal, no colour) and its stdout compared with the lines
 * that follow it in the block. A line `…` (indented or not) stands for any number of lines; `| jq ARGS` is run with
 * the real jq; a last line `(exit code N)` states the exit code, which is 0 otherwise.
 */

interface Example {
  file: string;
  line: number;
  argv: string[];
  jq: string[] | null;
  expected: string[];
  exitCode: number;
}

/** Splits a command line into words, honouring single and double quotes (no expansions). */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${text}`);
  if (word !== null) words.push(word);
  return words;
}

function examplesIn(file: string): Example[] {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
  const examples: Example[] = [];
  let inConsole = false;
  let current: Example | null = null;
  const finish = () => {
    if (!current) return;
    const last = current.expected.at(-1);
    const exit = last === undefined ? null : /^\(exit code (\d+)\)$/.exec(last);
    if (exit) {
      current.exitCode = Number(exit[1]);
      current.expected.pop();
    }
    examples.push(current);
    current = null;
  };
  lines.forEach((text, i) => {
    if (!inConsole) {
      if (text.trim() === '```console') inConsole = true;
      return;
    }
    if (text.trim() === '```') {
      finish();
      inConsole = false;
      return;
    }
    if (text.startsWith('$ ')) {
      finish();
      const commandLine = text.slice(2);
      const pipe = commandLine.indexOf(' | ');
      const command = pipe < 0 ? commandLine : commandLine.slice(0, pipe);
      const jq = pipe < 0 ? null : commandLine.slice(pipe + 3);
      const words = shellWords(command);
      if (words[0] !== 'jss') throw new Error(`${file}:${i + 1}: a console example must run jss`);
      if (jq !== null && !jq.startsWith('jq ')) {
        throw new Error(`${file}:${i + 1}: the only pipe supported is '| jq …'`);
      }
      current = {
        file,
        line: i + 1,
        argv: words.slice(1),
        jq: jq === null ? null : shellWords(jq).slice(1),
        expected: [],
        exitCode: 0,
      };
      return;
    }
    current?.expected.push(text);
  });
  return examples;
}

/** Whether `actual` matches `expected`, where a line `…` in `expected` stands for any lines. */
function matchesWithEllipsis(actual: string[], expected: string[]): boolean {
  const memo = new Map<string, boolean>();
  const match = (a: number, e: number): boolean => {
    const key = `${a},${e}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (e === expected.length) result = a === actual.length;
    else if (expected[e]?.trim() === '…') result = match(a, e + 1) || (a < actual.length && match(a + 1, e));
    else result = a < actual.length && actual[a] === expected[e] && match(a + 1, e + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

const docs = [
  'README.md',
  'CONTRIBUTING.md',
  ...(existsSync(join(repoRoot, 'docs')) ? readdirSync(join(repoRoot, 'docs')) : [])
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const examples = docs.flatMap(examplesIn);

describe('examples in the README, CONTRIBUTING.md and docs', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line} jss ${e.argv.join(' ')}`, e] as const))(
    '%s',
    async (_name, example) => {
      const result = await runCli(example.argv);
      expect(result.code, result.stderr).toBe(example.exitCode);
      const output = example.jq
        ? execFileSync('jq', example.jq, { input: result.stdout, encoding: 'utf8' })
        : result.stdout;
      const actual = output.replace(/\n$/, '').split('\n');
      if (!matchesWithEllipsis(actual, example.expected)) {
        // Shows the whole difference when the pattern does not match.
        expect(actual.join('\n')).toBe(example.expected.join('\n'));
      }
    },
  );
});

/** Code blocks preceded by `<!-- file: PATH -->`: they show that file, so they must be it. */
function shownFiles(file: string): { file: string; line: number; shown: string; text: string }[] {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
  const found: { file: string; line: number; shown: string; text: string }[] = [];
  lines.forEach((text, i) => {
    const marker = /^<!-- file: (\S+) -->$/.exec(text.trim());
    if (!marker) return;
    const end = lines.findIndex((l, j) => j > i + 1 && l.trim() === '```');
    if (!lines[i + 1]?.startsWith('```') || end < 0)
      throw new Error(`${file}:${i + 1}: no code block after the marker`);
    found.push({ file, line: i + 1, shown: marker[1], text: lines.slice(i + 2, end).join('\n') });
  });
  return found;
}

const shown = docs.flatMap(shownFiles);

describe('files shown in the docs', () => {
  it.each(shown.map((s) => [`${s.file}:${s.line} ${s.shown}`, s] as const))('%s is the file', (_name, s) => {
    expect(`${s.text}\n`).toBe(readFileSync(join(repoRoot, s.shown), 'utf8'));
  });
});

/** The ```yaml blocks of the docs, with where they start. */
function yamlBlocks(file: string): { file: string; line: number; text: string }[] {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
  const blocks: { file: string; line: number; text: string }[] = [];
  lines.forEach((text, i) => {
    if (text.trim() !== '```yaml') return;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '```');
    const indent = text.length - text.trimStart().length;
    blocks.push({
      file,
      line: i + 1,
      text: lines
        .slice(i + 1, end)
        .map((l) => l.slice(indent))
        .join('\n'),
    });
  });
  return blocks;
}

const yamls = docs.flatMap(yamlBlocks);
const histories = yamls.filter((b) => /^contracts:/m.test(b.text));
const ruleFiles = yamls.filter((b) => /^extends:/m.test(b.text));

describe('YAML shown in the docs', () => {
  it('has a history and a rule file to check', () => {
    expect(histories.length).toBeGreaterThan(0);
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it.each(histories.map((b) => [`${b.file}:${b.line}`, b] as const))(
    'the history at %s is valid',
    async (_name, b) => {
      const result = await runCli(['validate', '-'], { stdin: b.text });
      expect(result.code, result.stdout + result.stderr).toBe(0);
    },
  );

  it.each(ruleFiles.map((b) => [`${b.file}:${b.line}`, b] as const))(
    'the rule file at %s loads',
    async (_name, b) => {
      const dir = mkdtempSync(join(tmpdir(), 'jss-docs-'));
      try {
        const path = join(dir, 'rules.yaml');
        writeFileSync(path, b.text);
        const result = await runCli(['estimate', 'examples/forum-case.yaml', '--rules', path, '-q']);
        expect(result.code, result.stderr).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('the example matcher', () => {
  it('lets … stand for any number of lines, and nothing else', () => {
    expect(matchesWithEllipsis(['a', 'b', 'c'], ['a', '…', 'c'])).toBe(true);
    expect(matchesWithEllipsis(['a', 'c'], ['a', '…', 'c'])).toBe(true);
    expect(matchesWithEllipsis(['a', 'b'], ['a', '…', 'c'])).toBe(false);
    expect(matchesWithEllipsis(['a', 'b', 'x'], ['a', 'b'])).toBe(false);
    expect(matchesWithEllipsis(['a'], ['b'])).toBe(false);
  });

  it('splits command lines like a shell would for quoted jq filters', () => {
    expect(shellWords(`jq -c '{jss, window}' "a b"`)).toEqual(['jq', '-c', '{jss, window}', 'a b']);
  });
});
