import type { ForecastEvent } from '../core/forecast.js';
import type { ReportPage } from '../core/report-page.js';
import type { PendingContract } from '../core/scenarios.js';
import type { Contract, Outcome } from '../core/types.js';
import { notShownReason } from './estimate-text.js';
import { attr, num, pct, score, signed, text } from './html.js';
import { type ChartEventDay, renderTimelineSvg, type StepPoint } from './report-chart.js';
import { REPORT_CSS } from './report-css.js';

/**
 * `jss report`: one self-contained HTML page (inline CSS and SVG, no script, no network) from the
 * reports the other commands produce. Pure: the same page data gives the same bytes. Every string
 * from the history or the rule file goes through `text`/`attr`.
 */

export interface ReportHtmlOptions {
  /** The history file as the user named it (shown in the footer). */
  file: string;
  /** The jss version that made the page. */
  version: string;
}

const OUTCOME_MARK: Record<Outcome, string> = {
  success: '✓',
  neutral: '○',
  negative: '✕',
  excluded: '–',
  pending: '…',
};

export function renderReportHtml(page: ReportPage, options: ReportHtmlOptions): string {
  const { estimate } = page;
  const who = page.freelancer === undefined ? '' : ` — ${page.freelancer}`;
  const title = `JSS ${pct(estimate.jss)}${who} — ${estimate.asOf}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    // Nothing on this page may load anything: no network, whatever a history contains.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<link rel="icon" href="data:,">',
    `<title>${text(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    headlineSection(page),
    timelineSection(page),
    whySection(page),
    openSection(page),
    inferSection(page),
    sourcesSection(page),
    footer(page, options),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function headlineSection(page: ReportPage): string {
  const { estimate } = page;
  const lines: string[] = [];
  const who = page.freelancer === undefined ? '' : `${text(page.freelancer)} · `;
  lines.push(
    '<header id="headline" class="headline">',
    `<p class="kicker">${who}Job Success Score as of <time datetime="${attr(estimate.asOf)}">${text(estimate.asOf)}</time> · rule set <strong>${text(estimate.rules.name)}</strong></p>`,
  );
  if (estimate.shown) {
    lines.push(
      `<p class="jss"><span class="big" data-jss="${estimate.jss}">${pct(estimate.jss)}</span> <span class="sub">from the <strong data-window="${attr(estimate.window ?? '')}">${text(estimate.window ?? '')}</strong> window, <span data-score="${estimate.score}">${score(estimate.score)}</span> before rounding</span></p>`,
    );
  } else {
    lines.push(
      `<p class="jss"><span class="big" data-jss="">not shown</span> <span class="sub">${text(notShownReason({ report: estimate, ruleSet: page.rules }))}</span></p>`,
    );
  }
  if (estimate.badges.length > 0) {
    lines.push(
      `<ul class="badges" aria-label="Badges">${estimate.badges
        .map(
          (b) =>
            `<li class="${b.met ? 'met' : 'unmet'}" data-badge="${attr(b.name)}" data-met="${b.met}">${b.met ? '✓' : '✗'} ${text(b.name)} <span class="sub">(${b.min}% or more${b.met ? '' : ', not met'})</span></li>`,
        )
        .join('')}</ul>`,
    );
  }
  const next = estimate.next;
  if (next === null) {
    lines.push(
      '<p id="next-change">Next change: none in the next 24 months, with the history held as it is.</p>',
    );
  } else {
    const labels = contractLabels(page.contracts);
    const why = next.events.map((e) => eventWords({ ...e, date: next.date }, labels)).join('; ');
    lines.push(
      `<p id="next-change" data-date="${attr(next.date)}" data-from="${next.from ?? ''}" data-to="${next.to ?? ''}">Next change: <strong><time datetime="${attr(next.date)}">${text(next.date)}</time>, ${pct(next.from)} → ${pct(next.to)}</strong>${why === '' ? '' : `: ${text(why)}`}</p>`,
    );
  }
  if (estimate.incomplete.length > 0) {
    const n = estimate.incomplete.length;
    lines.push(
      `<p id="provisional" class="provisional" data-count="${n}"><strong>Provisional:</strong> ${n} ended contract${n === 1 ? '' : 's'} that count${n === 1 ? 's' : ''} ha${n === 1 ? 's' : 've'} no feedback written (${text(estimate.incomplete.join(', '))}); the score moves when ${n === 1 ? 'it is' : 'they are'} filled in.</p>`,
    );
  }
  lines.push('</header>');
  return lines.join('\n');
}

function timelineSection(page: ReportPage): string {
  const { estimate, forecast } = page;
  const names = page.rules.windows.map((w) => w.name);
  const jss: StepPoint[] = page.changes.map((c) => ({ date: c.date, value: c.jss }));
  const windows = names.map((name, k) => ({
    name,
    // A window is drawn while it is eligible: only then can it be the JSS.
    points: page.windowScores.map((p) => ({ date: p.date, value: p.eligible[k] ? p.scores[k] : null })),
  }));
  const labels = contractLabels(page.contracts);
  const events = eventDays(forecast.events, labels);
  const crossingText = forecast.crossings.map((c) =>
    c.threshold === null
      ? `${c.date}: the score ${c.direction === 'up' ? 'appears' : 'disappears'}`
      : `${c.date}: ${c.direction === 'up' ? 'rises to' : 'falls below'} ${c.threshold}%`,
  );
  const description = `The JSS is ${pct(estimate.jss)} on ${estimate.asOf}${
    crossingText.length === 0
      ? ', and crosses no threshold by ' + page.until
      : `; then ${crossingText.slice(0, 3).join('; ')}${crossingText.length > 3 ? '; …' : ''}`
  }. The table below lists every change.`;
  const observed = estimate.observed.filter((o) => o.date >= page.from);
  const svg = renderTimelineSvg({
    from: page.from,
    until: page.until,
    today: estimate.asOf,
    jss,
    windows,
    thresholds: page.rules.thresholds,
    events,
    observed,
    description,
  });
  const legend = [
    '<li><svg class="key" viewBox="0 0 30 10" aria-hidden="true"><path class="jss" d="M0 5H30"/></svg> JSS (what Upwork would show)</li>',
    ...names.map(
      (name, i) =>
        `<li><svg class="key" viewBox="0 0 30 10" aria-hidden="true"><path class="window" stroke-dasharray="${['6 3', '2 3', '10 3 2 3', '1 5', '12 4', '4 2 1 2'][i % 6]}" d="M0 5H30"/></svg> ${text(name)} window (while eligible)</li>`,
    ),
    '<li><svg class="key" viewBox="0 0 30 10" aria-hidden="true"><path class="threshold-key" d="M0 5H30"/></svg> thresholds</li>',
  ];
  const rows = timelineRows(page, labels);
  return [
    '<section id="timeline" aria-labelledby="timeline-h">',
    '<h2 id="timeline-h">Where it is going</h2>',
    `<p>From ${text(page.from)} to ${text(page.until)}.${page.from < estimate.asOf ? ` Before ${text(estimate.asOf)}, each day shows the history as it stood that day.` : ''} From ${text(estimate.asOf)} on, the history is held as it is: open contracts stay open and unpaid, and contracts age out of their windows. Each window's faint line starts today.</p>`,
    observedBlock(observed),
    `<figure class="chart">${svg}<figcaption><ul class="legend">${legend.join('')}</ul></figcaption></figure>`,
    crossingText.length === 0
      ? `<p id="crossings">No threshold is crossed by ${text(page.until)}.</p>`
      : `<h3>Thresholds crossed</h3><ul id="crossings">${crossingText.map((c) => `<li>${text(c)}</li>`).join('')}</ul>`,
    '<h3>Every change, day by day</h3>',
    `<div class="scroll"><table id="timeline-points" class="num"><caption>The JSS and each window's score on the first day of each change (the chart in numbers)</caption><thead><tr><th scope="col">date</th><th scope="col">JSS</th><th scope="col">window</th>${names.map((n) => `<th scope="col">${text(n)}</th>`).join('')}<th scope="col" class="text">what happened</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    '<h3>Events</h3>',
    events.length === 0
      ? '<p id="events">No contract enters or leaves a window, or turns idle, in this span.</p>'
      : `<ul id="events" class="events">${forecast.events
          .map(
            (e) =>
              `<li data-date="${attr(e.date)}"><time datetime="${attr(e.date)}">${text(e.date)}</time> ${text(eventWords(e, labels))}</li>`,
          )
          .join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/** One row per day on which the JSS or any window's score changes. */
function timelineRows(page: ReportPage, labels: Map<string, string>): string {
  const days = [
    ...new Set([...page.changes.map((c) => c.date), ...page.windowScores.map((w) => w.date)]),
  ].sort();
  const eventsOn = new Map<string, ForecastEvent[]>();
  for (const e of page.forecast.events) {
    const list = eventsOn.get(e.date);
    if (list) list.push(e);
    else eventsOn.set(e.date, [e]);
  }
  let c = 0;
  let w = 0;
  return days
    .map((day) => {
      while (c + 1 < page.changes.length && page.changes[c + 1].date <= day) c++;
      while (w + 1 < page.windowScores.length && page.windowScores[w + 1].date <= day) w++;
      const sel = page.changes[c];
      const ws = page.windowScores[w];
      const past = day < page.estimate.asOf;
      const what = (eventsOn.get(day) ?? []).map((e) => eventWords(e, labels)).join('; ');
      return `<tr data-date="${day}"><th scope="row" class="date">${day}</th><td data-jss="${sel.jss ?? ''}">${pct(sel.jss)}</td><td class="text">${text(sel.window ?? '–')}</td>${ws.scores
        .map((s, k) =>
          past
            ? '<td class="past">–</td>'
            : `<td data-window="${attr(page.rules.windows[k].name)}" data-score="${s ?? ''}"${ws.eligible[k] ? '' : ' class="ineligible" title="not eligible"'}>${score(s)}</td>`,
        )
        .join('')}<td class="text">${text(what)}</td></tr>`;
    })
    .join('');
}

function whySection(page: ReportPage): string {
  const { estimate } = page;
  const byId = new Map(page.contracts.map((c) => [c.id, c]));
  const windowRows = estimate.windows
    .map((w, i) => {
      const def = page.rules.windows[i];
      const note =
        'average' in def
          ? ` <span class="sub">(average of ${text(def.average.join(' and '))})</span>`
          : def.display === false
            ? ' <span class="sub">(not displayed on its own)</span>'
            : '';
      const shown = w.name === estimate.window;
      return `<tr data-window="${attr(w.name)}"${shown ? ' class="shown"' : ''}><th scope="row">${text(w.name)}${note}${shown ? ' <strong>← shown</strong>' : ''}</th><td class="date">${text(w.from ?? '–')}</td><td data-score="${w.score ?? ''}">${score(w.score)}</td><td>${opt(w.success)}</td><td>${opt(w.neutral)}</td><td>${opt(w.negative)}</td><td>${opt(w.total)}</td><td>${w.outcomes ?? '–'}</td><td>${w.clients ?? '–'}</td><td data-eligible="${w.eligible}">${w.eligible ? 'yes' : 'no'}</td></tr>`;
    })
    .join('');
  const resultById = new Map(estimate.contracts.map((c) => [c.id, c]));
  const costRows = page.costs
    .map((cost) => {
      const c = byId.get(cost.id) as Contract;
      return `<tr class="o-${cost.outcome}" data-contract="${attr(cost.id)}"><th scope="row">${text(cost.id)}</th><td class="text">${text(c.client)}</td><td class="text">${text(c.title ?? '')}</td><td class="text">${OUTCOME_MARK[cost.outcome]} ${cost.outcome}</td><td class="text">${text(resultById.get(cost.id)?.rule ?? '')}</td><td data-points="${cost.points ?? ''}">${cost.points === null ? '–' : num(cost.points, 1)}</td></tr>`;
    })
    .join('');
  const contractRows = estimate.contracts
    .map((r) => {
      const c = byId.get(r.id) as Contract;
      const notes = c.notes === undefined ? '' : `<div class="note">${text(c.notes)}</div>`;
      return `<tr class="o-${r.outcome}" data-contract="${attr(r.id)}"><th scope="row">${text(r.id)}</th><td class="text">${text(r.client)}</td><td class="text">${text(c.title ?? '')}${notes}</td><td class="text">${text(r.status)}</td><td class="text" data-outcome="${r.outcome}">${OUTCOME_MARK[r.outcome]} ${r.outcome}</td><td class="text">${text(r.rule)}</td><td data-weight="${r.weight}">${num(r.weight, 2)}</td><td class="date">${text(r.countedFrom ?? '–')}</td><td class="text">${text(r.windows.join(' ') || '–')}</td></tr>`;
    })
    .join('');
  return [
    '<section id="why" aria-labelledby="why-h">',
    '<h2 id="why-h">Why it is what it is</h2>',
    `<p>Each window's score is 100 × ${page.rules.formula === 'net' ? '(success − negative)' : 'success'} ÷ total, over the weights of the contracts it counts; the JSS is the best eligible displayed window.</p>`,
    `<div class="scroll"><table id="windows" class="num"><caption>Windows on ${text(estimate.asOf)}</caption><thead><tr><th scope="col">window</th><th scope="col">from</th><th scope="col">score</th><th scope="col">success</th><th scope="col">neutral</th><th scope="col">negative</th><th scope="col">total</th><th scope="col">outcomes</th><th scope="col">clients</th><th scope="col">eligible</th></tr></thead><tbody>${windowRows}</tbody></table></div>`,
    `<h3>What costs points in the ${text(page.costWindow)} window</h3>`,
    page.costs.length === 0
      ? `<p id="costs">No negative or neutral contract counts in the ${text(page.costWindow)} window: nothing costs points.</p>`
      : `<p>Points: the window's score without the contract, everything else as it is, minus its score now.</p><div class="scroll"><table id="costs" class="num"><caption>Negative and neutral contracts in the ${text(page.costWindow)} window, costliest first</caption><thead><tr><th scope="col">contract</th><th scope="col" class="text">client</th><th scope="col" class="text">title</th><th scope="col" class="text">outcome</th><th scope="col" class="text">rule</th><th scope="col">points</th></tr></thead><tbody>${costRows}</tbody></table></div>`,
    '<h3>Every contract</h3>',
    `<div class="scroll"><table id="contracts" class="num"><caption>Contracts in file order, coloured by outcome (✓ success, ○ neutral, ✕ negative, – excluded, … pending)</caption><thead><tr><th scope="col">contract</th><th scope="col" class="text">client</th><th scope="col" class="text">title</th><th scope="col" class="text">status</th><th scope="col" class="text">outcome</th><th scope="col" class="text">rule</th><th scope="col">weight</th><th scope="col">counted from</th><th scope="col" class="text">windows</th></tr></thead><tbody>${contractRows}</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

function openSection(page: ReportPage): string {
  const { estimate } = page;
  const byId = new Map(page.contracts.map((c) => [c.id, c]));
  const body =
    estimate.pending.length === 0
      ? '<p>No open contracts: nothing to decide.</p>'
      : estimate.pending.map((p) => openContract(p, byId.get(p.id) as Contract, estimate.jss)).join('\n');
  return [
    '<section id="open-contracts" aria-labelledby="open-h">',
    '<h2 id="open-h">What each open contract could do</h2>',
    estimate.pending.length === 0
      ? ''
      : `<p>Each outcome scored now and at the horizon, everything else held as it is. Bars run from 0 to 100%; the line marks today's ${pct(estimate.jss)}.</p>`,
    body,
    '</section>',
  ].join('\n');
}

function openContract(p: PendingContract, c: Contract, baseline: number | null): string {
  const horizon = p.scenarios[0]?.outcomes[0]?.horizon.date;
  const rows = p.scenarios
    .map((s) => {
      const recommended = s.name === p.recommendation.scenario;
      return s.outcomes
        .map(
          (o, k) =>
            `<tr data-scenario="${attr(s.name)}" data-outcome="${attr(o.name)}"${recommended ? ' class="recommended"' : ''}>${
              k === 0
                ? `<th scope="rowgroup" rowspan="${s.outcomes.length}" class="text">${recommended ? '★ ' : ''}${text(s.label)} <span class="sub">(${text(s.name)})</span></th>`
                : ''
            }<td class="text">${text(o.name)}</td><td class="bar-cell" data-when="now" data-jss="${o.now.jss ?? ''}" data-delta="${o.now.delta ?? ''}">${bar(o.now.jss, baseline, `now: ${pct(o.now.jss)}, ${signed(o.now.delta)}`)}<span class="v">${pct(o.now.jss)} <span class="sub">${signed(o.now.delta)}</span></span></td><td class="bar-cell" data-when="horizon" data-jss="${o.horizon.jss ?? ''}" data-delta="${o.horizon.delta ?? ''}">${bar(o.horizon.jss, null, `on ${o.horizon.date}: ${pct(o.horizon.jss)}, ${signed(o.horizon.delta)}`)}<span class="v">${pct(o.horizon.jss)} <span class="sub">${signed(o.horizon.delta)}</span></span></td></tr>`,
        )
        .join('');
    })
    .join('');
  return [
    `<article class="open" data-contract="${attr(p.id)}" aria-labelledby="open-${attr(slug(p.id))}">`,
    `<h3 id="open-${attr(slug(p.id))}">${text(p.id)} · ${text(c.client)}${c.title === undefined ? '' : ` · ${text(c.title)}`} <span class="sub">(${text(c.status)})</span></h3>`,
    `<p class="recommendation"><strong>Recommended: ${text(p.recommendation.scenario)}.</strong> ${text(p.recommendation.why)}</p>`,
    p.scenarios.length === 0
      ? ''
      : `<div class="scroll"><table class="scenarios num"><caption>Scenarios for ${text(p.id)}: the JSS now and on ${text(horizon ?? '')}, and the change against leaving everything as it is</caption><thead><tr><th scope="col" class="text">scenario</th><th scope="col" class="text">outcome</th><th scope="col">now</th><th scope="col">on ${text(horizon ?? '')}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    '</article>',
  ].join('\n');
}

/** A 0–100 bar; `mark` draws a line at that value (today's JSS). */
function bar(jss: number | null, mark: number | null, label: string): string {
  const fill = jss === null ? '' : `<rect class="fill" x="0" y="1" width="${jss}" height="8"/>`;
  const line = mark === null ? '' : `<line class="mark" x1="${mark}" x2="${mark}" y1="0" y2="10"/>`;
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${attr(label)}"><rect class="track" x="0" y="1" width="100" height="8"/>${fill}${line}</svg>`;
}

/** The scores you saw beside the model's (the chart's dots in numbers). */
function observedBlock(
  observed: readonly { date: string; jss: number | null; model: number | null }[],
): string {
  if (observed.length === 0) return '';
  const rows = observed
    .map(
      (o) =>
        `<tr data-date="${attr(o.date)}"><th scope="row" class="date">${text(o.date)}</th><td data-jss="${o.jss ?? ''}">${pct(o.jss)}</td><td data-model="${o.model ?? ''}">${pct(o.model)}</td><td class="text">${o.jss === o.model ? 'same' : 'differs'}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table id="observed" class="num"><caption>The scores you saw (dots on the chart) and the model's JSS on those days</caption><thead><tr><th scope="col">date</th><th scope="col">seen</th><th scope="col">model</th><th scope="col" class="text"></th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function range(r: { min: number | null; max: number | null } | null): string {
  if (r === null) return 'unsettled';
  return r.min === r.max ? pct(r.min) : `${pct(r.min)}–${pct(r.max)}`;
}

/** What the observed scores reveal (`jss infer`); nothing when the history has no observation. */
function inferSection(page: ReportPage): string {
  const r = page.infer;
  if (r === null) return '';
  const fits =
    r.fits === null
      ? 'Whether some reading of the hidden ratings fits every score you saw could not be settled within the search budget.'
      : r.fits
        ? `Your ${r.observations.length} observed score${r.observations.length === 1 ? '' : 's'} fit ${text(r.rules.name)}.`
        : `Your observed scores do not fit ${text(r.rules.name)}: no reading of the hidden ratings gives them all; the history lacks something, or the rules differ.`;
  const now =
    r.now === null
      ? ''
      : ` Your JSS now: <strong data-now-min="${r.now.min ?? ''}" data-now-max="${r.now.max ?? ''}">${range(r.now)}</strong>, given what you saw.`;
  const obs = r.observations
    .map(
      (o) =>
        `<tr data-date="${attr(o.date)}"><th scope="row" class="date">${text(o.date)}</th><td data-jss="${o.jss ?? ''}">${pct(o.jss)}</td><td data-model="${o.model ?? ''}">${pct(o.model)}</td><td>${range(o.range)}</td></tr>`,
    )
    .join('');
  const verdicts = (list: { rule: string; outcome: string }[]) =>
    list.length === 0 ? '–' : text(list.map((v) => `${v.outcome} (${v.rule})`).join(', '));
  const hidden = r.hidden
    .map(
      (h) =>
        `<tr data-contract="${attr(h.contract)}"><th scope="row">${text(h.contract)}</th><td class="text">${text(h.client)}</td><td class="date">${text(h.end)}</td><td class="text">${verdicts(h.possible)}</td><td class="text">${verdicts(h.ruledOut)}</td></tr>`,
    )
    .join('');
  return [
    '<section id="infer" aria-labelledby="infer-h">',
    '<h2 id="infer-h">What the scores you saw reveal</h2>',
    `<p id="infer-answer" data-fits="${r.fits ?? ''}">${fits}${now}${r.complete ? '' : ' The search stopped at its budget: what it could not settle is not presented as a result.'}</p>`,
    `<div class="scroll"><table id="infer-observations" class="num"><caption>Each score you saw, the model's JSS that day, and the range any reading of the hidden ratings gives</caption><thead><tr><th scope="col">date</th><th scope="col">seen</th><th scope="col">model</th><th scope="col">possible</th></tr></thead><tbody>${obs}</tbody></table></div>`,
    r.hidden.length === 0
      ? '<p>No ended contract has a hidden rating or reason.</p>'
      : `<div class="scroll"><table id="infer-hidden" class="num"><caption>Contracts with hidden facts: the verdicts the scores allow, and those they rule out</caption><thead><tr><th scope="col">contract</th><th scope="col" class="text">client</th><th scope="col">ended</th><th scope="col" class="text">possible</th><th scope="col" class="text">ruled out</th></tr></thead><tbody>${hidden}</tbody></table></div>`,
    '</section>',
  ].join('\n');
}

function sourcesSection(page: ReportPage): string {
  const { rules, estimate } = page;
  const sources = rules.sources
    .map((s) =>
      /^https?:\/\/[^\s"'<>]+$/.test(s)
        ? `<li><a href="${attr(s)}" rel="noreferrer noopener">${text(s)}</a></li>`
        : `<li>${text(s)}</li>`,
    )
    .join('');
  const warnings = estimate.warnings.map((w) => `<li>${text(w.message)}</li>`).join('');
  return [
    '<section id="sources" aria-labelledby="sources-h">',
    '<h2 id="sources-h">Sources and assumptions</h2>',
    `<p>Rule set <strong>${text(rules.name)}</strong> (${text(estimate.rules.source)}): ${text(rules.summary)}</p>`,
    `<h3>Sources</h3><ul id="rule-sources">${sources}</ul>`,
    `<h3>Assumptions</h3><ul id="assumptions">${rules.assumptions.map((a) => `<li>${text(a)}</li>`).join('')}</ul>`,
    warnings === '' ? '' : `<h3>Guesses in this history</h3><ul id="warnings">${warnings}</ul>`,
    '</section>',
  ].join('\n');
}

function footer(page: ReportPage, options: ReportHtmlOptions): string {
  return `<footer><p>Made by jss ${text(options.version)} from <code>${text(options.file)}</code> with the ${text(page.estimate.rules.name)} rule set, evaluated on ${text(page.estimate.asOf)}. Upwork does not publish its formula: these are projections, traceable to the contracts, rules and sources above.</p></footer>`;
}

function opt(value: number | null): string {
  return value === null ? '–' : num(value, 2);
}

/** A string safe as part of an id attribute (ids from files may hold anything). */
function slug(id: string): string {
  let out = '';
  for (const ch of id) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `_${ch.codePointAt(0)?.toString(16)}_`;
  return out;
}

function contractLabels(contracts: readonly Contract[]): Map<string, string> {
  return new Map(contracts.map((c) => [c.id, `${c.id} (${c.client})`]));
}

function eventWords(e: ForecastEvent, labels: Map<string, string>): string {
  const who = labels.get(e.contract) ?? e.contract;
  if (e.what === 'turns-idle') return `${who} turns idle`;
  return `${who} ${e.what} the ${e.window} window`;
}

function eventDays(events: readonly ForecastEvent[], labels: Map<string, string>): ChartEventDay[] {
  const days: ChartEventDay[] = [];
  for (const e of events) {
    const last = days[days.length - 1];
    const line = eventWords(e, labels);
    if (last?.date === e.date) last.lines.push(line);
    else days.push({ date: e.date, lines: [line] });
  }
  return days;
}
