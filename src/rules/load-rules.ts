import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../core/types.js';
import { UserError } from '../errors.js';
import { packageRoot, runningFromSource } from '../package-root.js';
import type { LoadedRuleSet } from './read-rule-file.js';
import { BUILTIN, DEFAULT_RULE_SET, isRulePath } from './rule-set-names.js';

export type { LoadedRuleSet } from './read-rule-file.js';
export { BUILTIN, builtinRuleSetNames, DEFAULT_RULE_SET, isRulePath } from './rule-set-names.js';

/**
 * A built-in rule set as the build resolved and validated it (`compile-builtins.ts` writes one
 * file per set). Reading it spares every run the YAML parse, the zod schema and the `extends`
 * merge, and the other sets; the tests, which run from source, read the YAML instead.
 */
export function compiledBuiltinPath(name: string): string {
  return join(packageRoot, 'dist', 'builtin-rules', `${name}.json`);
}

/**
 * The built-in set `name` as the build wrote it, a fresh object each call; undefined when it
 * cannot be read (the YAML is read instead). Read synchronously, like the history
 * (`read-input.ts`): a small file, and `node:fs/promises` would cost a short run more to load than
 * the read itself.
 */
function compiledBuiltin(name: string): RuleSet | undefined {
  if (runningFromSource) return undefined;
  try {
    return parseCompiled(readFileSync(compiledBuiltinPath(name), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The build wrote this file from a rule set it had validated (`compile-builtins.ts`): it is trusted as such. */
function parseCompiled(text: string): RuleSet {
  return JSON.parse(text);
}

/** Loads a built-in rule set by name or a rule file by path (relative to `cwd`), `extends` resolved. */
export async function loadRuleSet(spec: string, options: { cwd: string }): Promise<LoadedRuleSet> {
  if (!isRulePath(spec) && BUILTIN.includes(spec)) {
    const ruleSet = compiledBuiltin(spec);
    if (ruleSet) return { ruleSet, source: 'builtin' };
  }
  const { readRuleSet } = await import('./read-rule-file.js');
  return readRuleSet(spec, options);
}

/** Loads a comma list of rule sets, in order. */
export async function loadRuleSets(specs: string, options: { cwd: string }): Promise<LoadedRuleSet[]> {
  const list = specs.split(',').map((s) => s.trim());
  if (list.some((s) => s === '')) {
    throw new UserError(`rule sets "${specs}": an empty name in the list`, {
      code: 'bad-usage',
      hint: `separate names or paths with single commas, e.g. ${DEFAULT_RULE_SET},upwork-2015`,
    });
  }
  const twice = list.find((s, i) => list.indexOf(s) !== i);
  if (twice !== undefined)
    throw new UserError(`rule sets "${specs}": "${twice}" is listed twice`, { code: 'bad-usage' });
  return Promise.all(list.map((spec) => loadRuleSet(spec, options)));
}
