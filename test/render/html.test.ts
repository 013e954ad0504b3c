import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { num, signed, text } from '../../src/render/html.js';

/** What a reader should see for `s`: the same text, control characters as their pictures. */
function visible(s: string): string {
  return [...s]
    .map((ch) => {
      const code = ch.codePointAt(0) as number;
      if (code < 0x20 && ch !== '\t' && ch !== '\n') return String.fromCharCode(0x2400 + code);
      if (code === 0x7f) return '\u2421';
      if (code >= 0x80 && code <= 0x9f) return '\ufffd';
      if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
      return ch;
    })
    .join('');
}

describe('text(): anything from a file is shown, never interpreted', () => {
  it('escapes markup and quotes', () => {
    expect(text(`<script>alert("x")</script> & 'q'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;',
    );
  });

  it('makes control characters visible and replaces lone surrogates', () => {
    expect(text('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('a\u2400b\u2407c\u241bd\u2421e\ufffdf');
    expect(text('x\ud800y\udc00z')).toBe('x\ufffdy\ufffdz');
    expect(text('😀 tab\tnew\nline')).toBe('😀 tab\tnew\nline');
  });

  it('for any string, in text and in an attribute, the parsed page holds exactly that text and no element', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const { document } = parseHTML(
          `<!DOCTYPE html><html><body><p title="${text(s)}">${text(s)}</p></body></html>`,
        );
        const p = document.querySelector('p');
        expect(document.querySelectorAll('body *')).toHaveLength(1);
        expect(p?.textContent).toBe(visible(s));
        expect(p?.getAttribute('title')).toBe(visible(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('numbers on the page', () => {
  it('num: at most the given decimals, trailing zeros dropped, a true minus sign', () => {
    expect(num(10.25, 2)).toBe('10.25');
    expect(num(10.5, 2)).toBe('10.5');
    expect(num(3, 2)).toBe('3');
    expect(num(-15.90909, 1)).toBe('\u221215.9');
    expect(num(-0.01, 1)).toBe('0');
  });

  it('signed: +n, −n, ±0, – for unknown', () => {
    expect([signed(3), signed(-4), signed(0), signed(null)]).toEqual(['+3', '\u22124', '\u00b10', '\u2013']);
  });
});
