import type { ReportPage } from '../core/report-page.js';
import type { PendingContract } from '../core/scenarios.js';
import type { Contract, Outcome } from '../core/types.js';
import { attr, num, pct, score, signed, text } from './html.js';

/** `jss report`'s sections about contracts: why the score is what it is, and the open contracts. */

const OUTCOME_MARK: Record<Outcome, string> = {
  success: '✓',
  neutral: '○',
  negative: '✕',
  excluded: '–',
  pending: '…',
};

/** The page's contract with an id the page's own reports name (always there: they come from it). */
function contractLookup(page: ReportPage): (id: string) => Contract {
  const byId = new Map(page.contracts.map((c) => [c.id, c]));
  return (id) => {
    const c = byId.get(id);
    if (c === undefined) throw new Error(`the report names contract ${id}, which its history lacks`);
    return c;
  };
}

/** Each window's score, what costs points, and every contract with its outcome. */
export function whySection(page: ReportPage): string {
  const { estimate } = page;
  const contractOf = contractLookup(page);
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
      const c = contractOf(cost.id);
      return `<tr class="o-${cost.outcome}" data-contract="${attr(cost.id)}"><th scope="row">${text(cost.id)}</th><td class="text">${text(c.client)}</td><td class="text">${text(c.title ?? '')}</td><td class="text">${OUTCOME_MARK[cost.outcome]} ${cost.outcome}</td><td class="text">${text(resultById.get(cost.id)?.rule ?? '')}</td><td data-points="${cost.points ?? ''}">${cost.points === null ? '–' : num(cost.points, 1)}</td></tr>`;
    })
    .join('');
  const contractRows = estimate.contracts
    .map((r) => {
      const c = contractOf(r.id);
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

/** What each choice about each open contract would do, now and at the horizon. */
export function openSection(page: ReportPage): string {
  const { estimate } = page;
  const contractOf = contractLookup(page);
  const body =
    estimate.pending.length === 0
      ? '<p>No open contracts: nothing to decide.</p>'
      : estimate.pending.map((p) => openContract(p, contractOf(p.id), estimate.jss)).join('\n');
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

function opt(value: number | null): string {
  return value === null ? '–' : num(value, 2);
}

/** A string safe as part of an id attribute (ids from files may hold anything). */
function slug(id: string): string {
  let out = '';
  for (const ch of id) out += /[A-Za-z0-9_-]/.test(ch) ? ch : `_${ch.codePointAt(0)?.toString(16)}_`;
  return out;
}
