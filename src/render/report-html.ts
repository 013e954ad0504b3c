import type { ReportPage } from '../core/report-page.js';
import { notShownReason } from './estimate-text.js';
import { attr, pct, score, text } from './html.js';
import { openSection, whySection } from './report-contracts-html.js';
import { REPORT_CSS } from './report-css.js';
import { inferSection } from './report-infer-html.js';
import { contractLabels, eventWords, timelineSection } from './report-timeline-html.js';

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
