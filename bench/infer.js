// `jss infer` at scale: a generated history with 40 contracts whose facts are hidden and 6 observed
// scores made from a random true reading of them. Prints the time of the whole inference (in this
// process, after loading) and whether anything was left unresolved. Run by bench/run.js, or alone
// after `npm run build`: node bench/infer.js
import { join } from 'node:path';
import { ASOF, asOfMs, DAY, iso, mulberry32 } from './generate.js';

const root = new URL('..', import.meta.url).pathname;
const OBSERVED_ON = ['2026-06-15', '2026-07-15', '2026-08-15', '2026-09-15', '2026-10-15', '2026-11-15'];

/**
 * The history as a freelancer writes it (hidden facts absent) and the same history with a true
 * value for every hidden fact. Three years of work for 18 clients: 56 ended contracts, 40 of them
 * with a hidden fact (28 private ratings, 7 end reasons given by the client, 5 whole feedbacks),
 * and 4 open contracts.
 */
export function inferHistory(seed = 7) {
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const truePrivate = () => {
    const r = rand();
    return r < 0.7 ? pick([9, 10, 10]) : r < 0.85 ? pick([7, 8]) : pick([2, 5, 6]);
  };
  const written = [];
  const truth = [];
  let hidden = 0;
  for (let i = 0; i < 60; i++) {
    const open = i >= 56;
    const endMs = open ? asOfMs : asOfMs - Math.floor((i / 56) * 1000 + rand() * 20) * DAY;
    const startMs = endMs - Math.floor(10 + rand() * 80) * DAY;
    const earnings = Math.round((50 + rand() * 2500) * 100) / 100;
    const c = {
      id: `J${i + 1}`,
      client: `client-${Math.floor(rand() * 50)}`,
      type: rand() < 0.5 ? 'hourly' : 'fixed',
      status: open ? 'active' : 'ended',
      start: iso(startMs),
      earnings,
      firstPayment: iso(startMs),
      lastPayment: iso(open ? asOfMs - 3 * DAY : endMs),
    };
    const t = { ...c };
    if (!open) {
      c.end = t.end = iso(endMs);
      const kind =
        hidden >= 40 ? 'known' : pick(['private', 'private', 'private', 'private', 'reason', 'feedback']);
      if (kind !== 'known') hidden++;
      const stars = pick([5, 5, 5, 4.8, 4.5, 4]);
      if (kind === 'private') {
        c.endedBy = t.endedBy = 'freelancer';
        c.endReason = t.endReason = 'completed';
        c.feedback = { public: stars };
        t.feedback = { public: stars, private: truePrivate() };
      } else if (kind === 'reason') {
        c.endedBy = t.endedBy = 'client';
        c.feedback = t.feedback = { public: stars, private: truePrivate() };
        t.endReason = pick(['completed', 'completed', 'completed', 'no-longer-needed', 'quality']);
      } else if (kind === 'feedback') {
        c.endedBy = t.endedBy = 'freelancer';
        c.endReason = t.endReason = 'completed';
        t.feedback = rand() < 0.2 ? 'none' : { public: stars, private: truePrivate() };
      } else {
        c.endedBy = t.endedBy = 'freelancer';
        c.endReason = t.endReason = 'completed';
        c.feedback = t.feedback = { public: stars, private: truePrivate() };
      }
    }
    written.push(c);
    truth.push(t);
  }
  const base = { version: 1, asOf: ASOF };
  return { history: { ...base, contracts: written }, truth: { ...base, contracts: truth }, hidden };
}

export async function benchInfer(seed) {
  const [{ rewindHistory }, { prepare, evaluateAt }, { toDay }, { loadRuleSet }, { infer }] =
    await Promise.all([
      import('../dist/core/rewind.js'),
      import('../dist/core/evaluate.js'),
      import('../dist/core/dates.js'),
      import('../dist/rules/load-rules.js'),
      import('../dist/core/infer.js'),
    ]);
  const { ruleSet } = await loadRuleSet('upwork-2024', { cwd: root });
  const { history, truth, hidden } = inferHistory(seed);
  const observed = OBSERVED_ON.map((date) => {
    const prepared = prepare(rewindHistory(truth, date, ASOF).history, ruleSet, date);
    return { date, jss: evaluateAt(prepared, toDay(date)).jss };
  });
  const times = [];
  let report;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    report = infer(history, ruleSet, { asOf: ASOF, date: ASOF, observed });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const unresolved = report.hidden.reduce((n, h) => n + h.unresolved.length, 0);
  const learned = report.hidden.filter((h) => h.ruledOut.length > 0).length;
  return {
    seed,
    hidden,
    observations: observed.length,
    ms: times[1],
    complete: report.complete,
    unresolved,
    fits: report.fits,
    learned,
    observed: observed.map((o) => o.jss),
    now: report.now,
    changes: report.explanations?.changes ?? null,
  };
}

/** Ten generated histories (seeds 1..10): the median and the slowest, and anything unresolved. */
if (process.argv[1] && join(process.argv[1]) === join(root, 'bench/infer.js')) {
  const runs = [];
  for (let seed = 1; seed <= 10; seed++) runs.push(await benchInfer(seed));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      histories: runs.length,
      hidden: runs[0].hidden,
      observations: runs[0].observations,
      medianMs: times[Math.floor(times.length / 2)],
      maxMs: times[times.length - 1],
      complete: runs.every((r) => r.complete),
      unresolved: runs.reduce((n, r) => n + r.unresolved, 0),
      fits: runs.every((r) => r.fits === true),
      runs,
    }),
  );
}
