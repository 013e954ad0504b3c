// One measurement in a fresh process: prints { ms, maxRssMB } as JSON. Used by bench/run.js.
import { readFileSync } from 'node:fs';

const [task, file] = process.argv.slice(2);
const t0 = performance.now();

if (task === 'parse') {
  JSON.parse(readFileSync(file, 'utf8'));
} else {
  const api = await import('../dist/index.js');
  const { history, asOf } = await api.loadHistory(file, { today: '2026-11-26' });
  const { ruleSet } = await api.loadRuleSet('upwork-2024', { cwd: process.cwd() });
  const prepared = api.prepare(history, ruleSet, asOf);
  if (task === 'estimate') api.evaluateAt(prepared);
  else if (task === 'estimate-scenarios') api.estimateReport(prepared, { horizonDays: 90 });
  else if (task === 'forecast') {
    api.evaluateAt(prepared);
    api.forecast(prepared, { until: api.toIso(api.addMonths(prepared.asOf, 24)), step: 'day' });
  } else throw new Error(`unknown task ${task}`);
}

const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
