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
