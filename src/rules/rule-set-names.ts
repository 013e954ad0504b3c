/** How a rule set is named on the command line or in `extends`: a built-in's name, or a file's path. */

export const DEFAULT_RULE_SET = 'upwork-2026';
export const BUILTIN = ['upwork-2026', 'upwork-2024', 'upwork-2020', 'upwork-2015', 'pessimistic'];

/** The built-in rule sets, the default first. */
export function builtinRuleSetNames(): string[] {
  return [...BUILTIN];
}

/** A value containing `/` or ending in .yaml, .yml or .json names a file; anything else a built-in. */
export function isRulePath(spec: string): boolean {
  return /[/\\]/.test(spec) || /\.(ya?ml|json)$/i.test(spec);
}
