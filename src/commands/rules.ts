import { UserError } from '../errors.js';
import { closest } from '../io/suggest.js';
import { renderRuleSet, renderRuleSetList } from '../render/rules-text.js';
import { builtinRuleSetNames, DEFAULT_RULE_SET, isRulePath, loadRuleSet } from '../rules/load-rules.js';
import type { CommandContext } from './context.js';
import type { RulesGroup } from './definitions.js';

type RulesOptions = ReturnType<RulesGroup['rules']['opts']>;

const ACTIONS = ['list', 'show'];

/** `jss rules` alone lists; `jss rules NOPE` names no subcommand: an unknown action, with a hint. */
export async function runRulesAction(
  _args: [],
  options: RulesOptions,
  ctx: CommandContext,
  operands: string[],
): Promise<number> {
  const [action] = operands;
  if (action === undefined) return runList([], options, ctx, []);
  const near = closest(action, ACTIONS);
  const looksLikeRules = isRulePath(action) || builtinRuleSetNames().includes(action);
  throw new UserError(`rules: unknown action "${action}"`, {
    code: 'unknown-action',
    hint: looksLikeRules
      ? `to see a rule set: jss rules show ${action}`
      : `${near ? `did you mean "${near}"? ` : ''}valid actions: ${ACTIONS.join(', ')}`,
  });
}

/** `jss rules list`: the built-in rule sets, one line each, the default marked. */
export async function runList(
  _args: [],
  options: RulesOptions,
  ctx: CommandContext,
  operands: string[],
): Promise<number> {
  const [name] = operands;
  if (name !== undefined)
    throw new UserError(`rules list: takes no name (got "${name}")`, {
      code: 'bad-usage',
      hint: `to see one: jss rules show ${name}`,
    });
  const ruleSets = await Promise.all(
    builtinRuleSetNames().map(async (n) => {
      const { ruleSet } = await loadRuleSet(n, { cwd: ctx.io.cwd });
      return { name: ruleSet.name, summary: ruleSet.summary, default: n === DEFAULT_RULE_SET };
    }),
  );
  ctx.io.stdout.write(
    options.json
      ? `${JSON.stringify({ schemaVersion: 1, command: 'rules', ruleSets }, null, 2)}\n`
      : renderRuleSetList(ruleSets, ctx.style, ctx.width),
  );
  return 0;
}

/** `jss rules show [NAME|PATH]`: one rule set in full (the default one without a name). */
export async function runShow(
  [name]: [string | undefined],
  options: RulesOptions,
  ctx: CommandContext,
): Promise<number> {
  const spec = name ?? DEFAULT_RULE_SET;
  const { ruleSet, source } = await loadRuleSet(spec, { cwd: ctx.io.cwd });
  ctx.io.stdout.write(
    options.json
      ? `${JSON.stringify(ruleSet, null, 2)}\n`
      : renderRuleSet(
          ruleSet,
          { source, default: source === 'builtin' && spec === DEFAULT_RULE_SET },
          ctx.style,
          ctx.width,
        ),
  );
  return 0;
}
