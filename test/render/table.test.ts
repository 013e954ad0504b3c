import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLength, wrapText } from '../../src/render/table.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes a styled cell holds
const ANSI = /\u001b\[[0-9;]*m/g;

/** What a cell's width is, by definition: its code points once the colour escapes are gone. */
function referenceLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** Greedy wrapping measured from scratch at every word (what wrapText keeps a running count of). */
function referenceWrap(text: string, width: number, indent: string): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lead = /^ */.exec(paragraph)?.[0] ?? '';
      const lines: string[] = [];
      let line = lead;
      let start = lead;
      for (const word of paragraph.slice(lead.length).split(' ')) {
        if (line === start) line += word;
        else if (referenceLength(line) + 1 + referenceLength(word) > width) {
          lines.push(line);
          start = indent;
          line = indent + word;
        } else line = `${line} ${word}`;
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}

/** Text as cells hold it: letters, spaces, newlines, colour escapes, emoji, lone surrogate halves. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '\u001b[1m',
    '\u001b[22m',
    '\u001b[31;1m',
    '★',
    '😀',
    '\ud83d',
    '\ude00',
    'é',
  ),
);
const styledText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('visibleLength', () => {
  it('counts code points without colour escapes', () => {
    expect(visibleLength('\u001b[1mBP-3\u001b[22m')).toBe(4);
    expect(visibleLength('😀 ok')).toBe(4);
    expect(visibleLength('\ude00\ud83d')).toBe(2); // two halves in the wrong order are two characters
  });

  it('agrees with the definition on any text', () => {
    fc.assert(
      fc.property(styledText, (text) => {
        expect(visibleLength(text)).toBe(referenceLength(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('wrapText', () => {
  it('agrees with wrapping measured afresh at every word', () => {
    fc.assert(
      fc.property(
        styledText,
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('', '  ', '\u001b[2m>\u001b[22m '),
        (text, width, indent) => {
          expect(wrapText(text, width, indent)).toBe(referenceWrap(text, width, indent));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
