import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonPieces, SCHEMA_VERSION } from '../../src/render/json.js';

/** What the document's text is, by definition (DESIGN §5: pretty-printed with two spaces). */
function plainText(command: string, body: object): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...body }, null, 2)}\n`;
}

const anyValue = fc.anything({
  maxDepth: 4,
  withDate: true,
  withNullPrototype: true,
  withSparseArray: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withTypedArray: true,
});
/** Bodies with long lists at every depth (long for a slice of 2 or 3). */
const body = fc.dictionary(
  fc.string({ maxLength: 4 }),
  fc.oneof(
    anyValue,
    fc.array(anyValue, { maxLength: 9 }),
    fc.dictionary(fc.string(), fc.array(anyValue, { maxLength: 9 })),
  ),
);

describe('the JSON document in pieces', () => {
  it('joins to JSON.stringify(document, null, 2) and a newline, whatever the slice', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 3 }), (b, slice) => {
        expect([...renderJsonPieces('estimate', b, slice)].join('')).toBe(plainText('estimate', b));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes a long list apart at any depth up to a report in `reports`, and renderJson is the same text', () => {
    const contracts = Array.from({ length: 2_500 }, (_, i) => ({
      id: `C-${i}`,
      windows: ['12m', '24m'],
      weight: i / 7,
    }));
    const single = { asOf: '2026-11-26', contracts, skipped: undefined, empty: {}, none: [] };
    const many = { reports: [single, { ...single, contracts: contracts.slice(3) }] };
    for (const b of [single, many]) {
      const pieces = [...renderJsonPieces('estimate', b)];
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join('')).toBe(plainText('estimate', b));
      expect(renderJson('estimate', b)).toBe(plainText('estimate', b));
    }
  });

  it('gives a small document in one piece', () => {
    expect([...renderJsonPieces('validate', { valid: true })]).toEqual([
      plainText('validate', { valid: true }),
    ]);
  });
});
