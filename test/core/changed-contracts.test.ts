import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baselineDay,
  type ContractChanges,
  deriveChanges,
  selectionWith,
} from '../../src/core/changed-contracts.js';
import { toDay, toIso } from '../../src/core/dates.js';
import { prepare, stateAt } from '../../src/core/evaluate.js';
import type { Contract, History } from '../../src/core/types.js';
import { whatifWithWarnings } from '../../src/core/whatif.js';
import { selectionOf, type Totals } from '../../src/core/windows.js';
import { build, contractArb, historyCase, RULE_SETS } from './random-history.js';

/** A new version of a contract (any client, dates, outcome), some with payment dates left to guess. */
const versionArb = fc.record({ raw: contractArb, guessFirst: fc.boolean(), guessLast: fc.boolean() });

type Version = typeof versionArb extends fc.Arbitrary<infer T> ? T : never;

function version(v: Version, id: number, asOf: string): Contract {
  const c = build(v.raw, id, toDay(asOf));
  // Guessed dates: a first payment guessed as the start, a last one as the end or the evaluation date.
  if (v.guessFirst) delete c.firstPayment;
  if (v.guessLast) delete c.lastPayment;
  return c;
}

const caseArb = historyCase(14).chain((h) =>
  fc.record({
    h: fc.constant(h),
    replaced: fc.uniqueArray(fc.record({ at: fc.nat(), version: versionArb }), {
      maxLength: 3,
      selector: (r) => (h.history.contracts.length ? r.at % h.history.contracts.length : 0),
    }),
    added: fc.array(versionArb, { maxLength: 2 }),
    daysAfter: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })),
  }),
);

describe('a history with changed contracts, scored from the baseline against scored from scratch', () => {
  it('gives the same selection, classifications and guesses; the baseline totals are restored', () => {
    let flips = 0;
    let moved = 0;
    fc.assert(
      fc.property(caseArb, ({ h, replaced, added, daysAfter }) => {
        const rules = RULE_SETS[h.rules];
        const { contracts } = h.history;
        const prepared = prepare(h.history, rules, h.asOf);
        const day = prepared.asOf + daysAfter;
        const changes: ContractChanges = {
          replaced: contracts.length
            ? replaced
                .map((r) => {
                  const index = r.at % contracts.length;
                  return { index, contract: version(r.version, index, h.asOf) };
                })
                .sort((a, b) => a.index - b.index)
            : [],
          added: added.map((v, j) => version(v, contracts.length + j, h.asOf)),
        };
        const changedContracts = [...contracts];
        for (const r of changes.replaced) changedContracts[r.index] = r.contract;
        changedContracts.push(...changes.added);
        const changedHistory: History = { ...h.history, contracts: changedContracts };

        const fromScratch = prepare(changedHistory, rules, h.asOf);
        const scratchState = stateAt(fromScratch, day);
        const base = baselineDay(prepared, stateAt(prepared, day));
        const derived = deriveChanges(base, changes);
        expect(selectionWith(base, derived)).toEqual(selectionOf(rules, scratchState.totals));

        const positions = [
          ...changes.replaced.map((r) => r.index),
          ...changes.added.map((_, j) => contracts.length + j),
        ];
        positions.forEach((p, n) => {
          // clients are numbered as the baseline numbers them (new ones after its own)
          const known = prepared.facts.find((f) => f.contract.client === changedContracts[p].client);
          if (known) expect(derived.facts[n].clientIndex).toBe(known.clientIndex);
          else expect(derived.facts[n].clientIndex).toBeGreaterThanOrEqual(prepared.clientCount);
          expect({ ...derived.facts[n], clientIndex: 0 }).toEqual({
            ...fromScratch.facts[p],
            clientIndex: 0,
          });
          expect(derived.classes[n]).toEqual(scratchState.classes[p]);
        });
        const changedIds = new Set(positions.map((p) => changedContracts[p].id));
        expect(derived.warnings).toEqual(fromScratch.warnings.filter((w) => changedIds.has(w.contract)));
        // the baseline's totals are as they were (client counts may have room for more clients)
        const counts = (totals: Totals[]) =>
          totals.map((t) => ({
            ...t,
            perClient: [...t.perClient].flatMap((n, client) => (n === 0 ? [] : [[client, n]])),
          }));
        expect(counts(base.totals)).toEqual(counts(stateAt(prepared, day).totals));
        if (derived.flipped.length > 0) flips++;
        if (base.selection.jss !== selectionOf(rules, scratchState.totals).jss) moved++;
      }),
      { numRuns: 3000 },
    );
    // the cases that matter most did occur: a client's long-term status flipped, the JSS moved
    expect(flips).toBeGreaterThan(100);
    expect(moved).toBeGreaterThan(300);
  });

  it('whatif scores an alternative the same whether it shares the baseline contracts or copies them', () => {
    fc.assert(
      fc.property(caseArb, ({ h, replaced, daysAfter }) => {
        const rules = RULE_SETS[h.rules];
        const { contracts } = h.history;
        const prepared = prepare(h.history, rules, h.asOf);
        const at = toIso(prepared.asOf + daysAfter);
        const changedContracts = [...contracts];
        for (const r of replaced) {
          if (contracts.length === 0) break;
          const index = r.at % contracts.length;
          changedContracts[index] = version(r.version, index, h.asOf);
        }
        const shared: History = { ...h.history, contracts: changedContracts };
        const copied: History = structuredClone(shared);
        const result = whatifWithWarnings(
          prepared,
          [
            { name: 'shared', history: shared },
            { name: 'copied', history: copied },
          ],
          { at },
        );
        const scratch = selectionOf(rules, stateAt(prepare(shared, rules, h.asOf), toDay(at)).totals);
        const [a, b] = result.report.alternatives;
        expect({ jss: a.jss, score: a.score, window: a.window }).toEqual({
          jss: scratch.jss,
          score: scratch.score,
          window: scratch.window,
        });
        expect(b).toEqual({ ...a, name: 'copied' });
      }),
      { numRuns: 500 },
    );
  });
});
