import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { UserError } from '../../src/errors.js';
import { parseSource } from '../../src/io/parse-document.js';
import { contractsArb } from '../helpers/arbitrary.js';

// parseSource reads YAML with js-yaml first and falls back to the `yaml` package; whichever reads
// a file, the data must be what `yaml` (YAML 1.2 core schema, the reference) makes of it.
const reference = (text: string): unknown => parse(text, { uniqueKeys: true, strict: true }) ?? null;
const viaSource = (text: string): unknown => parseSource({ name: 't.yaml', text }).data;

/** The code of the one problem `run` throws. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError && error.problems.length === 1) return error.problems[0].code;
    throw error;
  }
  return undefined;
}

const freeText = fc.string({ unit: 'grapheme', maxLength: 40 });

const historyArb = fc
  .tuple(contractsArb({ guesses: true, max: 8 }), fc.array(freeText, { minLength: 8, maxLength: 8 }))
  .map(([contracts, texts]) => ({
    version: 1,
    asOf: '2026-11-26',
    freelancer: texts[0],
    contracts: contracts.map((c, i) => ({ ...c, title: texts[i % 8], notes: texts[(i + 3) % 8] })),
  }));

describe('the two YAML parsers agree', () => {
  it('on histories written in block style, flow style and by js-yaml, with arbitrary text in them', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const text of [
          stringify(history),
          `# a flow-style document (a first { would mean JSON)\n${stringify(history, { collectionStyle: 'flow' })}`,
          dump(history),
          stringify(history).replaceAll('\n', '\r\n'),
        ]) {
          expect(viaSource(text)).toEqual(reference(text));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('on scalars whose type differs between YAML versions', () => {
    const text = [
      'a: 2025-03-01',
      'b: yes',
      'c: on',
      'd: 0x1F',
      'e: 0o17',
      'f: 012',
      'g: .inf',
      'h: ~',
      'i: 1e3',
      'j: "5"',
      'k: 12:30',
      'l: Q&A * 3 !important',
      'm: |',
      '  two',
      '  lines',
      'n: >-',
      '  folded',
      '  text',
      'o: # a comment',
      '  - { p: 1, q: [a, "b, c"] }',
      '',
    ].join('\n');
    expect(viaSource(text)).toEqual(reference(text));
  });

  it('on number-like scalars, whichever path reads the file (no anchor: js-yaml; an anchor: yaml)', () => {
    const piece = fc.constantFrom(
      '0',
      '1',
      '7',
      'f',
      'F',
      'x',
      'o',
      'b',
      '.',
      'e',
      'E',
      '+',
      '-',
      '_',
      ':',
      'inf',
      'nan',
      'NaN',
      'Inf',
    );
    const scalar = fc.oneof(
      fc.constantFrom(
        '0b111110100',
        '+.5',
        '-0x10',
        '+0x10',
        '0x1F',
        '0o17',
        '-0o17',
        '012',
        '-0',
        '5.',
        '.5',
        '1e3',
        '+1e3',
        '-.inf',
        '.NaN',
        '1_000',
        'True',
        'NULL',
        '~',
        'yes',
      ),
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(scalar, { minLength: 1, maxLength: 6 }), (values) => {
        const body = values.map((v, i) => `k${i}: ${v}\n`).join('');
        const outcome = (read: () => unknown) => {
          try {
            return read();
          } catch {
            return 'refused';
          }
        };
        const plain = outcome(() => viaSource(body));
        const anchored = outcome(() => {
          const data = viaSource(`${body}z: &anchor 1\n`) as Record<string, unknown>;
          delete data.z;
          return data;
        });
        expect(plain).toEqual(anchored);
        expect(plain).toEqual(outcome(() => reference(body)));
      }),
      { numRuns: 500 },
    );
  });

  it('on the cases that once differed, and on explicit number tags', () => {
    const text = 'a: 0b111110100\nb: +.5\nc: -0x10\nd: !!float 500\ne: !!int 12\nf: !!float .inf\n';
    expect(viaSource(text)).toEqual({ a: '0b111110100', b: 0.5, c: '-0x10', d: 500, e: 12, f: Infinity });
    expect(viaSource('a: 0b111110100\nb: +.5\nc: -0x10\n')).toEqual({ a: '0b111110100', b: 0.5, c: '-0x10' });
  });

  it('limit aliases by the size of their expansion, not by how often an anchor is used', () => {
    const many = `a: &x { n: 5 }\nb: [${Array(150).fill('*x').join(', ')}]\n`;
    expect((viaSource(many) as { b: unknown[] }).b).toHaveLength(150);
    const levels = ['a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]'];
    for (let i = 1; i < 7; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    expect(codeOf(() => viaSource(`${levels.join('\n')}\n`))).toBe('alias-limit');
    expect(() => viaSource(`${levels.join('\n')}\n`)).toThrow('YAML aliases expand too far');
    expect(codeOf(() => viaSource('a: &x [1, *x]\n'))).toBe('alias-limit');
  });

  it('send anchors, aliases and tags to the full parser, with its alias limit', () => {
    const text = 'a: &x [1, 2]\nb: *x\nc: !!str 5\n';
    expect(viaSource(text)).toEqual({ a: [1, 2], b: [1, 2], c: '5' });
  });
});

describe('nesting', () => {
  const problem = (text: string) => {
    try {
      parseSource({ name: 'deep', text });
    } catch (error) {
      return (error as { problems: unknown[] }).problems[0];
    }
    return undefined;
  };

  it('JSON or YAML nested thousands deep is "nested too deeply", located, never a stack overflow', () => {
    for (const text of [
      '['.repeat(5000) + ']'.repeat(5000),
      `{"contracts": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      `${'- '.repeat(5000)}x\n`,
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    ]) {
      expect(problem(text)).toMatchObject({
        code: 'too-deep',
        message: 'nested too deeply (more than 64 levels)',
        line: expect.any(Number),
        col: expect.any(Number),
      });
    }
  });

  it('JSON is scanned only when in question, with the same answers as a scan before parsing', () => {
    // Deep in the data by one level the bracket scan allows: located at the value, with its path.
    expect(problem(`{"a": ${'['.repeat(64)}${']'.repeat(64)}}`)).toMatchObject({
      code: 'too-deep',
      path: `a${'[0]'.repeat(63)}`,
      line: 1,
    });
    // Too deep and not even JSON: the depth is what is reported, where the scan stops.
    expect(problem(`${'['.repeat(100)}x`)).toMatchObject({ code: 'too-deep', line: 1, col: 66 });
    expect(problem('{"a": [1,, 2]}')).toMatchObject({ code: 'invalid-json' });
  });

  it('allows valid nesting up to the limit, and brackets inside strings and comments do not count', () => {
    expect(problem(`{"a": ${'['.repeat(63)}${']'.repeat(63)}}`)).toBeUndefined();
    expect(problem(`{"a": "${'['.repeat(500)}"}`)).toBeUndefined();
    expect(problem(`a: '${'['.repeat(500)}' # ${'{'.repeat(500)}\nb: it's [[[ fine\n`)).toBeUndefined();
  });
});
