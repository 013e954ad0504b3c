import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseSource } from '../../src/io/parse-document.js';
import { parseYamlFully } from '../../src/io/parse-yaml-fully.js';
import type { Place } from '../../src/io/parsed-document.js';
import { contractsArb } from '../helpers/arbitrary.js';

// Locating in a file js-yaml read listens to js-yaml; the yaml package (which reads files with
// anchors, and locates when js-yaml cannot) is the reference: both must name the same line and column.
const historyArb = contractsArb({ guesses: true, max: 5 }).map((contracts) => ({
  version: 1,
  asOf: '2026-11-26',
  contracts,
}));

/** Every value and every key in the data, as places. */
function places(data: unknown, path: PropertyKey[] = []): Place[] {
  const out: Place[] = [{ path }];
  if (Array.isArray(data)) {
    for (const [i, v] of data.entries()) out.push(...places(v, [...path, i]));
  } else if (typeof data === 'object' && data !== null) {
    for (const [k, v] of Object.entries(data)) out.push({ path, key: k }, ...places(v, [...path, k]));
  }
  return out;
}

describe('locating a place', () => {
  it('gives the same line and column on either path, in block, flow, js-yaml and JSON styles', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const text of [
          stringify(history),
          `# a comment first\n${stringify(history, { collectionStyle: 'flow' })}`,
          dump(history),
          dump(history, { flowLevel: 2 }),
          JSON.stringify(history, null, 2),
          JSON.stringify(history),
        ]) {
          const fast = parseSource({ name: 't', text });
          const full = parseYamlFully({ name: 't', text });
          const wanted = [...places(fast.data), { path: ['contracts', 99, 'id'] }, { path: [], key: 'nope' }];
          const reference = wanted.map((p) => full.locate(p.path, p.key));
          expect(fast.locateAll(wanted)).toEqual(reference);
        }
      }),
      { numRuns: 60 },
    );
  });
});
