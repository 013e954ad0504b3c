import type { ForecastEvent } from '../core/forecast.js';
import type { ReportPage } from '../core/report-page.js';
import type { Contract } from '../core/types.js';
import { attr, pct, score, text } from './html.js';
import { type ChartEventDay, renderTimelineSvg, type StepPoint } from './report-chart.js';

/** `jss report`'s timeline section: where the JSS is going, in a chart and in numbers. */

/** The chart of where the JSS is going, its crossings, every change and every event. */
export function timelineSection(page: ReportPage): string {
  const { estimate, forecast } = page;
  const names = page.rules.windows.map((w) => w.name);
  const labels = contractLabels(page.contracts);
  const crossingText = forecast.crossings.map((c) =>
    c.threshold === null
      ? `${c.date}: the score ${c.direction === 'up' ? 'appears' : 'disappears'}`
      : `${c.date}: ${c.direction === 'up' ? 'rises to' : 'falls below'} ${c.threshold}%`,
  );
  const observed = estimate.observed.filter((o) => o.date >= page.from);
  const rows = timelineRows(page, labels);
  return [
    '<section id="timeline" aria-labelledby="timeline-h">',
    '<h2 id="timeline-h">Where it is going</h2>',
    `<p>From ${text(page.from)} to ${text(page.until)}.${page.from < estimate.asOf ? ` Before ${text(estimate.asOf)}, each day shows the history as it stood that day.` : ''} From ${text(estimate.asOf)} on, the history is held as it is: open contracts stay open and unpaid, and contracts age out of their windows. Each window's faint line starts today.</p>`,
    observedBlock(observed),
    timelineFigure(page, labels, crossingText, observed),
    crossingText.length === 0
      ? `<p id="crossings">No threshold is crossed by ${text(page.until)}.</p>`
      : `<h3>Thresholds crossed</h3><ul id="crossings">${crossingText.map((c) => `<li>${text(c)}</li>`).join('')}</ul>`,
    '<h3>Every change, day by day</h3>',
    `<div class="scroll"><table id="timeline-points" class="num"><caption>The JSS and each window's score on the first day of each change (the chart in numbers)</caption><thead><tr><th scope="col">date</th><th scope="col">JSS</th><th scope="col">window</th>${names.map((n) => `<th scope="col">${text(n)}</th>`).join('')}<th scope="col" class="text">what happened</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    '<h3>Events</h3>',
    forecast.events.length === 0
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

/** The SVG chart of the JSS and each eligible window over the span, with its legend. */
function timelineFigure(
  page: ReportPage,
  labels: Map<string, string>,
  crossingText: readonly string[],
  observed: ReportPage['estimate']['observed'],
): string {
  const { estimate, forecast } = page;
  const names = page.rules.windows.map((w) => w.name);
  const jss: StepPoint[] = page.steps.map((c) => ({ date: c.date, value: c.jss }));
  const windows = names.map((name, k) => ({
    name,
    // A window is drawn while it is eligible: only then can it be the JSS.
    points: page.windowScores.map((p) => ({ date: p.date, value: p.eligible[k] ? p.scores[k] : null })),
  }));
  const description = `The JSS is ${pct(estimate.jss)} on ${estimate.asOf}${
    crossingText.length === 0
      ? ', and crosses no threshold by ' + page.until
      : `; then ${crossingText.slice(0, 3).join('; ')}${crossingText.length > 3 ? '; …' : ''}`
  }. The table below lists every change.`;
  const svg = renderTimelineSvg({
    from: page.from,
    until: page.until,
    today: estimate.asOf,
    jss,
    windows,
    thresholds: page.rules.thresholds,
    events: eventDays(forecast.events, labels),
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
  return `<figure class="chart">${svg}<figcaption><ul class="legend">${legend.join('')}</ul></figcaption></figure>`;
}

/** One row per day on which the JSS or any window's score changes. */
function timelineRows(page: ReportPage, labels: Map<string, string>): string {
  const days = [
    ...new Set([...page.steps.map((c) => c.date), ...page.windowScores.map((w) => w.date)]),
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
      while (c + 1 < page.steps.length && page.steps[c + 1].date <= day) c++;
      while (w + 1 < page.windowScores.length && page.windowScores[w + 1].date <= day) w++;
      const sel = page.steps[c];
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

/** `C1 (Acme)`: how the page names a contract. */
export function contractLabels(contracts: readonly Contract[]): Map<string, string> {
  return new Map(contracts.map((c) => [c.id, `${c.id} (${c.client})`]));
}

/** `C1 (Acme) leaves the 12m window`. */
export function eventWords(e: ForecastEvent, labels: Map<string, string>): string {
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
