// One measurement in a fresh process: prints { ms, maxRssMB } as JSON. Used by bench/run.js.
// It loads the same modules the CLI loads for these commands (not the whole library index).
import { readFileSync } from 'node:fs';

const [task, file] = process.argv.slice(2);
const t0 = performance.now();
let computeMs = 0;

if (task === 'parse') {
  JSON.parse(readFileSync(file, 'utf8'));
} else if (task === 'report' || task === 'report-baseline') {
  // `jss report` against what it is made of: `estimate`, a daily `forecast --from` of the same span
  // (from the first observed score, else 12 months back, to 24 months ahead) and, when the history
  // has observed scores, `infer`.
  const [{ loadHistory }, { loadRuleSet }, { prepare }, dates] = await Promise.all([
    import('../dist/io/load-history.js'),
    import('../dist/rules/load-rules.js'),
    import('../dist/core/evaluate.js'),
    import('../dist/core/dates.js'),
  ]);
  const { history, asOf, date } = await loadHistory(file, { today: '2026-11-26' });
  const { ruleSet } = await loadRuleSet('upwork-2026', { cwd: process.cwd() });
  const prepared = prepare(history, ruleSet, asOf);
  const observed = (history.observed ?? []).filter((o) => o.date <= asOf);
  const fixedAt = dates.laterDate(asOf, date);
  if (task === 'report') {
    const [{ reportPage }, { renderReportHtml }, { againstObserved }] = await Promise.all([
      import('../dist/core/report-page.js'),
      import('../dist/render/report-html.js'),
      import('../dist/core/against-observed.js'),
    ]);
    const page = reportPage(prepared, {
      observed: againstObserved(history, ruleSet, observed, { evaluation: asOf, history: date }),
      past: { history, fixedAt, date, observed },
    });
    renderReportHtml(page, { file, version: 'bench' });
  } else {
    const [{ estimateReport }, { forecast }, { renderJson }, { againstObserved }, { infer }] =
      await Promise.all([
        import('../dist/core/estimate.js'),
        import('../dist/core/forecast.js'),
        import('../dist/render/json.js'),
        import('../dist/core/against-observed.js'),
        import('../dist/core/infer.js'),
      ]);
    const from = observed.map((o) => o.date).sort()[0] ?? dates.toIso(dates.addMonths(prepared.asOf, -12));
    renderJson(
      'estimate',
      estimateReport(prepared, {
        horizonDays: 90,
        observed: againstObserved(history, ruleSet, observed, { evaluation: asOf, history: date }),
      }),
    );
    renderJson('forecast', forecast(prepared, { step: 'day', past: { from, history, fixedAt, observed } }));
    if (observed.length > 0) renderJson('infer', infer(history, ruleSet, { asOf, date, observed }));
  }
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
    { rewindHistory },
    dates,
  ] = await Promise.all([
    import('../dist/io/load-history.js'),
    import('../dist/rules/load-rules.js'),
    import('../dist/core/evaluate.js'),
    import('../dist/core/estimate.js'),
    import('../dist/core/forecast.js'),
    import('../dist/core/rewind.js'),
    import('../dist/core/dates.js'),
  ]);
  const { history, asOf, date } = await loadHistory(file, { today: '2026-11-26' });
  const { ruleSet } = await loadRuleSet('upwork-2026', { cwd: process.cwd() });
  const loaded = performance.now();
  // A month and two years before the history's date.
  const monthBack = dates.toIso(dates.addMonths(dates.toDay(date), -1));
  const twoYearsBack = dates.toIso(dates.addMonths(dates.toDay(date), -24));
  // The estimate without what-ifs: every figure, and when the JSS next changes (DESIGN §5).
  const estimateOnce = (prepared) => {
    const state = stateAt(prepared, prepared.asOf);
    evaluateAt(prepared, prepared.asOf, state);
    nextChange(prepared, state);
  };
  if (task === 'estimate') estimateOnce(prepare(history, ruleSet, asOf));
  else if (task === 'estimate-scenarios')
    estimateReport(prepare(history, ruleSet, asOf), { horizonDays: 90 });
  else if (task === 'forecast') {
    const prepared = prepare(history, ruleSet, asOf);
    evaluateAt(prepared);
    forecast(prepared, { step: 'day' });
  } else if (task === 'forecast-daily') {
    // what `jss forecast FILE --step day --json` computes: 24 months ahead
    forecast(prepare(history, ruleSet, asOf), { step: 'day' });
  } else if (task === 'forecast-from') {
    // what `jss forecast FILE --step day --from (24 months back) --json` computes
    forecast(prepare(history, ruleSet, asOf), {
      step: 'day',
      past: { from: twoYearsBack, history, fixedAt: date },
    });
  } else if (task === 'estimate-rewound') {
    // what `jss estimate FILE --as-of (a month back)` computes, but for the what-ifs
    estimateOnce(prepare(rewindHistory(history, monthBack, date).history, ruleSet, monthBack));
  } else if (task === 'rewind') {
    rewindHistory(history, monthBack, date);
  } else throw new Error(`unknown task ${task}`);
  computeMs = performance.now() - loaded;
}

const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, computeMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
