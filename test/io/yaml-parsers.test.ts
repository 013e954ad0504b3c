import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseSource } from '../../src/io/parse-document.js';
import { contractsArb } from '../helpers/arbitrary.js';

// parseSource reads YAML with js-yaml first and falls back to the `yaml` package; whichever reads
// a file, the data must be what `yaml` (YAML 1.2 core schema, the reference) makes of it.
const reference = (text: string): unknown => parse(text, { uniqueKeys: true, strict: true }) ?? null;
const viaSource = (text: string): unknown => parseSource({ name: 't.yaml', text }).data;

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

  it('send anchors, aliases and tags to the full parser, with its alias limit', () => {
    const text = 'a: &x [1, 2]\nb: *x\nc: !!str 5\n';
    expect(viaSource(text)).toEqual({ a: [1, 2], b: [1, 2], c: '5' });
  });
});
