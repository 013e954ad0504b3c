import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytePosition, firstInvalidUtf8 } from '../../src/io/byte-position.js';

const strictUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('firstInvalidUtf8', () => {
  it('agrees with a strict decoder on which bytes are valid UTF-8, and finds the first bad byte', () => {
    const nearText = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
      fc
        .tuple(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.uint8Array({ maxLength: 3 }))
        .map(([s, junk]) => new Uint8Array([...Buffer.from(s, 'utf8'), ...junk])),
    );
    fc.assert(
      fc.property(nearText, (bytes) => {
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(strictUtf8(bytes));
        if (bad !== -1) {
          expect(strictUtf8(bytes.subarray(0, bad))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [[0xc0, 0x80], 0], // overlong NUL
    [[0x41, 0xed, 0xa0, 0x80], 1], // a UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x41, 0xe2, 0x82], 1], // cut short
  ])('rejects %j at %i', (bytes, at) => {
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(at);
  });
});

describe('bytePosition', () => {
  it('counts lines by newline and columns by character', () => {
    const bytes = Buffer.from('a: 1\r\nb: café X', 'utf8');
    expect(bytePosition(bytes, bytes.indexOf('X'))).toEqual({ line: 2, col: 9 }); // 10 if it counted bytes
    expect(bytePosition(bytes, 0)).toEqual({ line: 1, col: 1 });
  });
});
