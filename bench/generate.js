// Synthetic contract histories for the benchmarks: deterministic, valid, about 1% open.
export const DAY = 86_400_000;
export const ASOF = '2026-11-26';
export const asOfMs = Date.parse(`${ASOF}T00:00:00Z`);
export const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** A small deterministic random number generator: the same seed gives the same histories. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticHistory(size, { openShare = 0.01, seed = 42 } = {}) {
  const rand = mulberry32(seed + size);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const clients = Math.max(3, Math.floor(size / 3));
  const openEvery = Math.round(1 / openShare);
  const contracts = [];
  for (let i = 0; i < size; i++) {
    const open = i % openEvery === openEvery - 1;
    const startMs = asOfMs - Math.floor(rand() * 1100) * DAY;
    const lastMs = Math.min(asOfMs, startMs + Math.floor(rand() * 200) * DAY);
    const earnings = rand() < 0.1 ? 0 : Math.round(rand() * 3000 * 100) / 100 + 1;
    const c = {
      id: `S${i}`,
      client: `client-${Math.floor(rand() * clients)}`,
      type: rand() < 0.5 ? 'hourly' : 'fixed',
      status: open ? pick(['active', 'paused']) : 'ended',
      start: iso(startMs),
      earnings,
    };
    if (!open) {
      c.end = iso(lastMs);
      c.endedBy = pick(['client', 'client', 'freelancer']);
      c.endReason = pick(['completed', 'completed', 'completed', 'no-longer-needed', 'quality', 'other']);
      const f = rand();
      c.feedback =
        f < 0.1
          ? 'none'
          : f < 0.4
            ? { public: pick([5, 4.8, 4.5, 4, 3]) }
            : { public: pick([5, 4.5, 4]), private: Math.floor(rand() * 11) };
    }
    if (earnings > 0) {
      if (rand() < 0.3) {
        const n = 1 + Math.floor(rand() * 4);
        const spanDays = Math.round((lastMs - startMs) / DAY);
        const each = Math.floor((earnings * 100) / n) / 100;
        c.payments = Array.from({ length: n }, (_, k) => ({
          date: iso(startMs + Math.floor((spanDays * k) / Math.max(1, n - 1)) * DAY),
          amount: k === n - 1 ? Math.round((earnings - each * (n - 1)) * 100) / 100 : each,
        }));
      } else {
        c.firstPayment = iso(startMs);
        c.lastPayment = iso(lastMs);
      }
    }
    contracts.push(c);
  }
  return { version: 1, asOf: ASOF, freelancer: `synthetic-${size}`, contracts };
}
