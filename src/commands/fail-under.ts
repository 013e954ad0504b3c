import type { CliIO } from './context.js';

/** One JSS that `--fail-under` checks, with what names it when several are checked. */
export interface CheckedJss {
  /** e.g. the rule set's name, or `pessimistic: cancel-now`; omitted when only one JSS is checked. */
  label?: string;
  jss: number | null;
}

/**
 * The lines `--fail-under N` prints on stderr: one per JSS that is below N or not shown, saying
 * which one, what it is and why it fails. Empty when the check passes.
 */
export function failUnderLines(checked: readonly CheckedJss[], n: number): string[] {
  return checked
    .filter((c) => c.jss === null || c.jss < n)
    .map((c) => {
      const what = c.label === undefined ? '' : `${c.label}: `;
      return c.jss === null
        ? `jss: ${what}no JSS is shown, which fails --fail-under ${n}\n`
        : `jss: ${what}projected JSS ${c.jss}% is below ${n}% (--fail-under ${n})\n`;
    });
}

/**
 * The exit code of `--fail-under N` (0 without it): 1 when a JSS checked is below N or not shown,
 * each such one said on stderr (not with --json, whose document holds the figures).
 */
export function failUnderExit(
  checked: readonly CheckedJss[],
  n: number | undefined,
  io: Pick<CliIO, 'stderr'>,
  json: boolean,
): number {
  if (n === undefined) return 0;
  const failed = failUnderLines(checked, n);
  if (failed.length === 0) return 0;
  if (!json) io.stderr.write(failed.join(''));
  return 1;
}
