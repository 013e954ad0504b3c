import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const FREELANCER = 'examples/freelancer.yaml';

/** The part of the DOM these tests use (the project compiles without the DOM library). */
interface Element {
  id: string;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element>;
}
interface Document extends Element {
  getElementById(id: string): Element | null;
}

async function json(argv: string[]) {
  const r = await runCli([...argv, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

async function page(argv: string[], options: { stdin?: string } = {}) {
  const r = await runCli(['report', ...argv, '-o', '-'], options);
  expect(r.stderr).not.toMatch(/internal error|^[^ ]+:\d+:\d+: /m);
  expect(r.code).toBe(0);
  return { html: r.stdout, document: parseHTML(r.stdout).document as unknown as Document };
}

const all = (root: { querySelectorAll(s: string): Iterable<Element> }, selector: string) => [
  ...root.querySelectorAll(selector),
];
const data = (el: Element | null, name: string) => el?.getAttribute(`data-${name}`);
/** A data attribute holding a number or '' for null, as the JSON report has it. */
const numeric = (el: Element | null, name: string) => {
  const v = data(el, name);
  return v === '' || v === null || v === undefined ? null : Number(v);
};

interface Json {
  [key: string]: unknown;
}

describe('jss report: the page holds the same numbers as the JSON reports', async () => {
  const { document } = await page([FREELANCER]);
  const estimate = await json(['estimate', FREELANCER]);
  // No observation in this history: the timeline starts 12 months back.
  const forecast = await json(['forecast', FREELANCER, '--step', 'day', '--from', '2025-11-26']);

  it('has every section, in order, and one chart', () => {
    expect(all(document, 'main > header, main > section').map((s) => s.id)).toEqual([
      'headline',
      'timeline',
      'why',
      'open-contracts',
      'sources',
    ]);
    expect(all(document, 'svg.timeline')).toHaveLength(1);
    for (const id of ['windows', 'costs', 'contracts', 'timeline-points', 'events', 'crossings'])
      expect(document.getElementById(id), id).not.toBeNull();
  });

  it('headline: the JSS, its window, its score and the badges of estimate --json', () => {
    const headline = document.getElementById('headline') as Element;
    expect(numeric(headline.querySelector('[data-jss]'), 'jss')).toBe(estimate.jss);
    expect(headline.querySelector('.big')?.textContent).toBe(`${estimate.jss}%`);
    expect(data(headline.querySelector('[data-window]'), 'window')).toBe(estimate.window);
    expect(numeric(headline.querySelector('[data-score]'), 'score')).toBe(estimate.score);
    expect(all(headline, '[data-badge]').map((b) => [data(b, 'badge'), data(b, 'met') === 'true'])).toEqual(
      estimate.badges.map((b: Json) => [b.name, b.met]),
    );
    expect(document.querySelector('title')?.textContent).toBe(
      `JSS ${estimate.jss}% — Maya Okafor — 2026-11-26`,
    );
  });

  it('windows table: every window with its score, totals and eligibility', () => {
    const rows = all(document, '#windows tbody tr');
    expect(rows.map((r) => data(r, 'window'))).toEqual(estimate.windows.map((w: Json) => w.name));
    rows.forEach((row, i) => {
      const w = estimate.windows[i];
      expect(numeric(row.querySelector('[data-score]'), 'score')).toBe(w.score);
      expect(data(row.querySelector('[data-eligible]'), 'eligible')).toBe(String(w.eligible));
      const cells = all(row, 'td').map((c) => c.textContent);
      expect(cells[0]).toBe(w.from ?? '–');
      expect(cells[6]).toBe(w.outcomes === null ? '–' : String(w.outcomes));
      expect(cells[7]).toBe(w.clients === null ? '–' : String(w.clients));
    });
    expect(all(document, '#windows tr.shown').map((r) => data(r, 'window'))).toEqual([estimate.window]);
  });

  it('contracts table: every contract with outcome, rule, weight, counting date and windows', () => {
    const rows = all(document, '#contracts tbody tr');
    expect(rows.map((r) => data(r, 'contract'))).toEqual(estimate.contracts.map((c: Json) => c.id));
    rows.forEach((row, i) => {
      const c = estimate.contracts[i];
      expect(row.getAttribute('class')).toBe(`o-${c.outcome}`);
      expect(data(row.querySelector('[data-outcome]'), 'outcome')).toBe(c.outcome);
      expect(numeric(row.querySelector('[data-weight]'), 'weight')).toBe(c.weight);
      const cells = all(row, 'td').map((td) => td.textContent);
      expect(cells[4]).toBe(c.rule);
      expect(cells[6]).toBe(c.countedFrom ?? '–');
      expect(cells[7]).toBe(c.windows.join(' ') || '–');
    });
  });

  it('costs: each neutral or negative contract of the shown window, with the points it takes (checked against a history without it)', async () => {
    const rows = all(document, '#costs tbody tr');
    const inWindow = estimate.contracts.filter(
      (c: Json) =>
        (c.outcome === 'neutral' || c.outcome === 'negative') &&
        (c.windows as string[]).includes(estimate.window),
    );
    expect(rows.map((r) => data(r, 'contract')).sort()).toEqual(inWindow.map((c: Json) => c.id).sort());
    // Copperleaf Interiors has one contract, so leaving it out changes nothing else: the engine agrees.
    const row = rows.find((r) => data(r, 'contract') === '36262588') as Element;
    const history = readFileSync(join(repoRoot, FREELANCER), 'utf8');
    const without = history.replace(/ {2}- id: "36262588"[\s\S]*?(?=\n {2}- id:)/, '');
    expect(without.length).toBeLessThan(history.length);
    const r = await runCli(['estimate', '-', '--json'], { stdin: without });
    const w = JSON.parse(r.stdout).windows.find((x: Json) => x.name === estimate.window);
    const now = estimate.windows.find((x: Json) => x.name === estimate.window).score;
    expect(numeric(row.querySelector('[data-points]'), 'points')).toBeCloseTo(w.score - now, 8);
  });

  it('open contracts: every scenario outcome now and at the horizon, and the recommendation', () => {
    const articles = all(document, '#open-contracts article');
    expect(articles.map((a) => data(a, 'contract'))).toEqual(estimate.pending.map((p: Json) => p.id));
    articles.forEach((article, i) => {
      const p = estimate.pending[i];
      expect(article.querySelector('.recommendation')?.textContent).toBe(
        `Recommended: ${p.recommendation.scenario}. ${p.recommendation.why}`,
      );
      const seen = all(article, 'tbody tr').map((tr) => {
        const [now, horizon] = all(tr, '.bar-cell');
        return [
          data(tr, 'scenario'),
          data(tr, 'outcome'),
          numeric(now, 'jss'),
          numeric(now, 'delta'),
          numeric(horizon, 'jss'),
          numeric(horizon, 'delta'),
        ];
      });
      const expected = p.scenarios.flatMap((s: Json) =>
        (s.outcomes as Json[]).map((o: Json) => {
          const n = o.now as Json;
          const h = o.horizon as Json;
          return [s.name, o.name, n.jss, n.delta, h.jss, h.delta];
        }),
      );
      expect(seen).toEqual(expected);
      expect(
        all(article, 'tr.recommended').every((tr) => data(tr, 'scenario') === p.recommendation.scenario),
      ).toBe(true);
      for (const svg of all(article, 'svg.bar'))
        expect(svg.getAttribute('aria-label')).toMatch(/%|not shown/);
    });
  });

  it('timeline points: the JSS on each listed day is the daily forecast, and every day the JSS changes is listed', () => {
    const byDate = new Map<string, Json>(forecast.series.map((p: Json) => [p.date, p]));
    const rows = all(document, '#timeline-points tbody tr');
    const listed = rows.map((r) => data(r, 'date') as string);
    for (const row of rows) {
      const point = byDate.get(data(row, 'date') as string) as Json;
      expect(numeric(row.querySelector('td[data-jss]'), 'jss')).toBe(point.jss);
    }
    const changeDays = forecast.series
      .filter((p: Json, i: number) => i === 0 || p.jss !== forecast.series[i - 1].jss)
      .map((p: Json) => p.date);
    expect(listed).toEqual(expect.arrayContaining(changeDays));
    expect(listed[0]).toBe('2025-11-26');
    expect(listed).toContain('2026-11-26');
    expect(listed).toEqual([...listed].sort());
  });

  it("timeline points: each window's score on a listed day is estimate --as-of that day", async () => {
    const rows = all(document, '#timeline-points tbody tr');
    // Every fourth row (and the last): each is one estimate run.
    // The windows are drawn from the evaluation date on.
    const ahead = rows.filter((r) => (data(r, 'date') as string) >= '2026-11-26');
    for (const row of ahead.filter((_, i) => i % 4 === 0 || i === ahead.length - 1)) {
      const day = data(row, 'date') as string;
      const then = await json(['estimate', FREELANCER, '--as-of', day]);
      const cells = all(row, 'td[data-window]');
      expect(cells.map((c) => [data(c, 'window'), numeric(c, 'score')])).toEqual(
        then.windows.map((w: Json) => [w.name, w.score]),
      );
      expect(cells.map((c) => !c.classList.contains('ineligible'))).toEqual(
        then.windows.map((w: Json) => w.eligible),
      );
    }
  });

  it('events: the forecast events in order, each naming its contract; crossings as the forecast has them', () => {
    const items = all(document, '#events li');
    expect(items.map((li) => data(li, 'date'))).toEqual(forecast.events.map((e: Json) => e.date));
    items.forEach((li, i) => {
      const e = forecast.events[i];
      expect(li.textContent).toContain(e.contract);
      expect(li.textContent).toContain(
        e.what === 'turns-idle' ? 'turns idle' : `${e.what} the ${e.window} window`,
      );
    });
    const ticks = all(document, 'svg.timeline .event');
    expect(ticks).toHaveLength(new Set(forecast.events.map((e: Json) => e.date)).size);
    expect(ticks[0].querySelector('title')?.textContent).toContain(forecast.events[0].contract);
    expect(all(document, '#crossings li')).toHaveLength(forecast.crossings.length);
  });

  it('the chart: labelled for screen readers, threshold lines of the rule set, today marked', () => {
    const svg = document.querySelector('svg.timeline') as Element;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('timeline-title timeline-desc');
    expect(document.getElementById('timeline-desc')?.textContent).toContain(`${estimate.jss}% on 2026-11-26`);
    expect(all(svg, '.thresholds text').map((t) => t.textContent)).toEqual(['90%', '80%', '75%', '70%']);
    expect(svg.querySelector('.today text')?.textContent).toBe('today 2026-11-26');
    expect(all(svg, 'path.window')).toHaveLength(estimate.windows.length);
    expect(svg.querySelector('path.jss')?.getAttribute('d')).toMatch(/^M/);
  });

  it('sources and assumptions of the rule set close the page', async () => {
    const rules = await json(['rules', 'show', estimate.rules.name]);
    const sources = all(document, '#rule-sources li').map((li) => li.textContent);
    expect(sources).toEqual(rules.sources ?? rules.ruleSet?.sources);
    expect(all(document, '#assumptions li').map((li) => li.textContent)).toEqual(
      rules.assumptions ?? rules.ruleSet?.assumptions,
    );
  });

  it('is self-contained: no script, no external resource, nothing to fetch', async () => {
    const { html } = await page([FREELANCER]);
    expect(all(document, 'script, link[rel=stylesheet], img, iframe, object, embed')).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|srcset)=/);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/@import|@font-face/);
    expect(
      document.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content'),
    ).toMatch(/default-src 'none'/);
  });
});

describe('jss report: hostile histories render as text', () => {
  const hostile = [
    'asOf: 2026-11-26',
    'freelancer: "</title><script>alert(1)</script>"',
    'contracts:',
    '  - { id: "\\"><img src=x onerror=alert(1)>", client: "<script>alert(2)</script>", title: "Tom & Jerry\'s \\"quotes\\"", type: fixed, status: ended, start: 2026-01-01, end: 2026-02-01, earnings: 300, endReason: completed, feedback: { public: 4 }, notes: "bell\\u0007 nul-ish\\u0001 </style><style>body{display:none}</style>" }',
    '  - { id: "c2", client: "<b>bold</b>", title: "--> <!-- comment", type: fixed, status: ended, start: 2026-01-01, end: 2026-03-01, earnings: 300, feedback: { public: 5 } }',
    '  - { id: "c3", client: "x\\u001b[31m", type: hourly, status: active, start: 2026-06-01, earnings: 200, lastPayment: 2026-11-01, firstPayment: 2026-06-05 }',
  ].join('\n');

  it('creates no element from the file and shows every string as written, control characters made visible', async () => {
    const { html, document } = await page(['-'], { stdin: hostile });
    expect(all(document, 'script, img, b, style')).toHaveLength(1); // the page's own <style>
    expect(html).not.toMatch(/<script|<img|<b>/);
    const contracts = all(document, '#contracts tbody tr');
    expect(contracts.map((r) => data(r, 'contract'))).toEqual(['"><img src=x onerror=alert(1)>', 'c2', 'c3']);
    expect(contracts[0].querySelector('td')?.textContent).toBe('<script>alert(2)</script>');
    expect(contracts[0].textContent).toContain('Tom & Jerry\'s "quotes"');
    expect(contracts[0].querySelector('.note')?.textContent).toBe(
      'bell\u2407 nul-ish\u2401 </style><style>body{display:none}</style>',
    );
    expect(contracts[1].textContent).toContain('--> <!-- comment');
    expect(contracts[2].querySelector('td')?.textContent).toBe('x\u241b[31m');
    expect(document.querySelector('title')?.textContent).toContain('</title><script>alert(1)</script>');
    expect(document.querySelector('.kicker')?.textContent).toContain('<script>alert(1)</script>');
    // Open contracts' headings get ids built from the contract id: always a safe token.
    for (const el of all(document, '[id]')) expect(el.getAttribute('id')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('jss report: files and options', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'jss-report-'));

  it('writes ./jss-report.html by default, refuses to overwrite it without --force, replaces it with --force', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'h.yaml'), readFileSync(join(repoRoot, FREELANCER)));
    const first = await runCli(['report', 'h.yaml'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('wrote jss-report.html');
    const written = readFileSync(join(cwd, 'jss-report.html'), 'utf8');
    expect(written).toMatch(/^<!DOCTYPE html>/);

    writeFileSync(join(cwd, 'jss-report.html'), 'mine');
    const refused = await runCli(['report', 'h.yaml'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('jss-report.html: already exists; not overwriting it');
    expect(refused.stderr).toContain('hint: pass --force');
    expect(readFileSync(join(cwd, 'jss-report.html'), 'utf8')).toBe('mine');

    const forced = await runCli(['report', 'h.yaml', '-o', 'jss-report.html', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, 'jss-report.html'), 'utf8')).toBe(written);
  });

  it('never writes over the history itself, even with --force', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'h.yaml'), readFileSync(join(repoRoot, FREELANCER)));
    const r = await runCli(['report', 'h.yaml', '-o', './h.yaml', '--force'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the history being reported');
    expect(readFileSync(join(cwd, 'h.yaml'), 'utf8')).toBe(readFileSync(join(repoRoot, FREELANCER), 'utf8'));
  });

  it('refuses a comma list of rule sets, with a hint to make one page per set', async () => {
    const r = await runCli(['report', FREELANCER, '--rules', 'upwork-2024,upwork-2015', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('a report shows one rule set');
    expect(r.stderr).toContain('hint: make one page per rule set');
  });

  it('bad input is a located error, exit 2, nothing written', async () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'bad.yaml'), 'contracts:\n  - { id: 1 }\n');
    const r = await runCli(['report', 'bad.yaml'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:2:\d+: contracts\[0\]/);
    expect(() => readFileSync(join(cwd, 'jss-report.html'))).toThrow();
  });

  it('the same input gives the same bytes, whatever the day it is made', async () => {
    const a = await runCli(['report', FREELANCER, '-o', '-'], { now: new Date('2026-11-26T01:00:00Z') });
    const b = await runCli(['report', FREELANCER, '-o', '-'], { now: new Date('2027-05-01T23:00:00Z') });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('--rules and --as-of choose what the page shows', async () => {
    const { document } = await page([FREELANCER, '--rules', 'upwork-2015', '--as-of', '2027-01-15']);
    const estimate = await json(['estimate', FREELANCER, '--rules', 'upwork-2015', '--as-of', '2027-01-15']);
    expect(numeric(document.querySelector('#headline [data-jss]'), 'jss')).toBe(estimate.jss);
    expect(document.querySelector('.kicker')?.textContent).toContain('2027-01-15');
    expect(document.querySelector('.kicker strong')?.textContent).toBe('upwork-2015');
  });

  it('a history with no score shown says why, and the page still has every section', async () => {
    const { document } = await page(['-'], {
      stdin:
        'asOf: 2026-11-26\ncontracts:\n  - { id: a, client: x, type: fixed, status: ended, start: 2026-01-01, end: 2026-02-01, earnings: 100, feedback: { public: 5 } }\n',
    });
    expect(document.querySelector('#headline .big')?.textContent).toBe('not shown');
    expect(document.querySelector('#headline')?.textContent).toContain(
      'the 24m window holds 1 counted outcome',
    );
    expect(document.querySelector('#open-contracts')?.textContent).toContain('No open contracts');
  });
});

describe('jss report: the next change, the past, the scores you saw and what they reveal', () => {
  const DROP = 'examples/why-did-it-drop.yaml';

  it('the headline has the next change and the provisional flag of estimate --json', async () => {
    const { document } = await page([FREELANCER]);
    const estimate = await json(['estimate', FREELANCER]);
    const next = document.getElementById('next-change');
    expect(estimate.next).not.toBeNull();
    expect(data(next, 'date')).toBe(estimate.next.date);
    expect(numeric(next, 'from')).toBe(estimate.next.from);
    expect(numeric(next, 'to')).toBe(estimate.next.to);
    for (const e of estimate.next.events) expect(next?.textContent).toContain(e.contract);
    const provisional = document.getElementById('provisional');
    if (estimate.incomplete.length === 0) expect(provisional).toBeNull();
    else expect(numeric(provisional, 'count')).toBe(estimate.incomplete.length);
    const imported = await page(['-'], {
      stdin:
        'asOf: 2026-11-26\ncontracts:\n  - { id: a, client: x, type: fixed, status: ended, start: 2026-01-01, end: 2026-02-01, earnings: 100 }\n  - { id: b, client: y, type: fixed, status: ended, start: 2026-01-01, end: 2026-03-01, earnings: 100, feedback: { public: 5 } }\n',
    });
    const p = imported.document.getElementById('provisional');
    expect(numeric(p, 'count')).toBe(1);
    expect(p?.textContent).toContain('(a)');
  });

  it('starts at the first observed score; past points, observations and infer as their commands give them', async () => {
    const { document } = await page([DROP]);
    const estimate = await json(['estimate', DROP]);
    const inferred = await json(['infer', DROP]);
    const first = estimate.observed[0].date;
    const forecast = await json(['forecast', DROP, '--step', 'day', '--from', first]);
    const byDate = new Map<string, Json>(forecast.series.map((p: Json) => [p.date, p]));
    const rows = all(document, '#timeline-points tbody tr');
    expect(data(rows[0], 'date')).toBe(first);
    for (const row of rows)
      expect(numeric(row.querySelector('td[data-jss]'), 'jss')).toBe(
        (byDate.get(data(row, 'date') as string) as Json).jss,
      );
    expect(all(document, '#events li').map((li) => data(li, 'date'))).toEqual(
      forecast.events.map((e: Json) => e.date),
    );
    expect(
      all(document, '#observed tbody tr').map((r) => [
        data(r, 'date'),
        numeric(r.querySelector('[data-jss]'), 'jss'),
        numeric(r.querySelector('[data-model]'), 'model'),
      ]),
    ).toEqual(estimate.observed.map((o: Json) => [o.date, o.jss, o.model]));
    expect(all(document, 'svg.timeline .observed')).toHaveLength(estimate.observed.length);

    const section = document.getElementById('infer') as Element;
    expect(data(section.querySelector('#infer-answer'), 'fits')).toBe(String(inferred.fits));
    expect(numeric(section.querySelector('[data-now-min]'), 'now-min')).toBe(inferred.now.min);
    expect(numeric(section.querySelector('[data-now-max]'), 'now-max')).toBe(inferred.now.max);
    expect(all(section, '#infer-observations tbody tr').map((r) => data(r, 'date'))).toEqual(
      inferred.observations.map((o: Json) => o.date),
    );
    expect(all(section, '#infer-hidden tbody tr').map((r) => data(r, 'contract'))).toEqual(
      inferred.hidden.map((h: Json) => h.contract),
    );
    expect(all(document, 'main > header, main > section').map((s) => s.id)).toEqual([
      'headline',
      'timeline',
      'why',
      'open-contracts',
      'infer',
      'sources',
    ]);
  });

  it('--from starts the timeline there; a --from after the evaluation date is refused', async () => {
    const { document } = await page([FREELANCER, '--from', '2026-03-01']);
    expect(data(document.querySelector('#timeline-points tbody tr'), 'date')).toBe('2026-03-01');
    expect(document.querySelector('svg.timeline title')?.textContent).toContain('2026-03-01');
    const r = await runCli(['report', FREELANCER, '--from', '2027-01-01', '-o', '-']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from 2027-01-01 is after the evaluation date 2026-11-26');
  });
});
