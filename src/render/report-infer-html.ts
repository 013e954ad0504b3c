import type { ReportPage } from '../core/report-page.js';
import { attr, pct, text } from './html.js';

function range(r: { min: number | null; max: number | null } | null): string {
  if (r === null) return 'unsettled';
  return r.min === r.max ? pct(r.min) : `${pct(r.min)}–${pct(r.max)}`;
}

/** What the observed scores reveal (`jss infer`); nothing when the history has no observation. */
export function inferSection(page: ReportPage): string {
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
