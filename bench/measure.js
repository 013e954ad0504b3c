// One measurement in a fresh process: prints { ms, maxRssMB } as JSON. Used by bench/run.js.
// It loads the same modules the CLI loads for these commands (not the whole library index).
import { readFileSync } from 'node:fs';

const [task, file] = process.argv.slice(2);
const t0 = performance.now();

if (task === 'parse') {
  JSON.parse(readFileSync(file, 'utf8'));
} else if (task === 'validate') {
  // A whole validation, whether the file is valid or not (a bad one is located and reported).
  const { loadHistory } = await import('../dist/io/load-history.js');
  await loadHistory(file, { today: '2026-11-26' }).catch((error) => {
    if (error?.name !== 'UserError') throw error;
  });
} else {
  const [
    { loadHistory },
    { loadRuleSet },
    { prepare, evaluateAt, stateAt },
    { estimateReport, nextChange },
    { forecast },
  ] = await Promise.all([
    import('../dist/io/load-history.js'),
    import('../dist/rules/load-rules.js'),
    import('../dist/core/evaluate.js'),
    import('../dist/core/estimate.js'),
    import('../dist/core/forecast.js'),
  ]);
  const { history, asOf } = await loadHistory(file, { today: '2026-11-26' });
  const { ruleSet } = await loadRuleSet('upwork-2026', { cwd: process.cwd() });
  const prepared = prepare(history, ruleSet, asOf);
  // The estimate without what-ifs: every figure, and when the JSS next changes (DESIGN §5).
  if (task === 'estimate') {
    const state = stateAt(prepared, prepared.asOf);
    evaluateAt(prepared, prepared.asOf, state);
    nextChange(prepared, state.classes);
  } else if (task === 'estimate-scenarios') estimateReport(prepared, { horizonDays: 90 });
  else if (task === 'forecast') {
    evaluateAt(prepared);
    forecast(prepared, { step: 'day' });
  } else throw new Error(`unknown task ${task}`);
}

const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
