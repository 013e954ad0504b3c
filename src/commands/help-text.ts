/** The end of every help text: examples, then the exit codes. */

/** The examples that end each command's help (and, first of each, the program's). */
export const EXAMPLES = {
  estimate: [
    'jss estimate contracts.yaml',
    'jss estimate contracts.yaml --json | jq .jss',
    'jss estimate contracts.yaml --rules upwork-2026,pessimistic',
    'jss estimate contracts.yaml -q --fail-under 90',
    'jss estimate contracts.yaml --as-of 2026-06-30 --observed 2026-06-30=88',
  ],
  whatif: [
    'jss whatif contracts.yaml --set C9=client-cancels:unhappy',
    'jss whatif contracts.yaml --set C9=client-cancels:silent --set C12=freelancer-closes --at 2027-02-24',
    'jss whatif contracts.yaml --changes cancel-now.yaml --json | jq .alternatives',
  ],
  forecast: [
    'jss forecast contracts.yaml --step month',
    'jss forecast contracts.yaml --until 2027-12-31 --json | jq .crossings',
    'jss forecast contracts.yaml --changes cancel-now.yaml',
    'jss forecast contracts.yaml --from 2025-11-26 --step month',
  ],
  plan: [
    'jss plan contracts.yaml --target 90',
    'jss plan contracts.yaml --target 90 --job-earnings 1200 --json',
  ],
  infer: [
    'jss infer contracts.yaml --observed 2026-10-15=92 --observed 2026-11-14=88',
    'jss infer contracts.yaml --rules upwork-2024,upwork-2020,pessimistic',
    'jss infer contracts.yaml --json | jq .hidden',
  ],
  report: [
    'jss report contracts.yaml',
    'jss report contracts.yaml -o maya.html --force',
    'jss report contracts.yaml --rules upwork-2015 -o report-2015.html',
    'jss report contracts.yaml -o - > report.html',
    'jss report contracts.yaml --from 2025-11-26 -o last-year.html',
  ],
  validate: ['jss validate contracts.yaml', 'jss validate - < contracts.json'],
  init: ['jss init', 'jss init my-history.yaml --force'],
  schema: ['jss schema contracts > contracts.schema.json', 'jss schema report | jq .title'],
  rules: ['jss rules', 'jss rules show upwork-2015', 'jss rules show ./my-rules.yaml --json'],
  import: [
    'jss import transactions.csv -o contracts.yaml',
    'jss import new-transactions.csv --merge contracts.yaml',
  ],
};

export type CommandName = keyof typeof EXAMPLES;

/** The exit codes a command can return: 1 only where --fail-under can fail. */
export function exitCodes(failUnder: boolean): string {
  return [
    '',
    'Exit codes:',
    '  0  done',
    ...(failUnder ? ['  1  a check you asked for failed (--fail-under)'] : []),
    '  2  bad usage, input or rules; a refused or failed write',
    '  3  internal error: please report it (--debug shows why)',
    '',
  ].join('\n');
}

/** One example command; one too wide for `width` continues on the next line after ` \`. */
function foldExample(line: string, width: number): string {
  const out: string[] = [];
  let current = '  $';
  for (const word of line.split(' ')) {
    if (current.trim() !== '$' && current.length + 1 + word.length + 2 > width) {
      out.push(`${current} \\`);
      current = `      ${word}`;
    } else current += ` ${word}`;
  }
  return [...out, current].join('\n');
}

/** Examples, one command each, folded to `width`. */
export function helpExamples(lines: readonly string[], width: number): string {
  return `\nExamples:\n${lines.map((line) => foldExample(line, width)).join('\n')}\n`;
}

/** What ends the program's own help: the first example of each command, then every exit code. */
export function programHelpEnd(width: number): string {
  return (
    helpExamples(
      Object.values(EXAMPLES).map((list) => list[0]),
      width,
    ) + exitCodes(true)
  );
}
