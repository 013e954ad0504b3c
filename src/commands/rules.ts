import { UserError } from '../errors.js';
import { closest } from '../io/suggest.js';
import { renderRuleSet, renderRuleSetList } from '../render/rules-text.js';
import { builtinRuleSetNames, DEFAULT_RULE_SET, isRulePath, loadRuleSet } from '../rules/load-rules.js';
import type { CommandContext, CommonOptions } from './context.js';

const ACTIONS = ['list', 'show'];

/** `jss rules [list | show NAME|PATH]` */
export async function run(args: unknown[], options: CommonOptions, ctx: CommandContext): Promise<number> {
  const [action = 'list', name] = args as (string | undefined)[];
  const cwd = ctx.io.cwd;
  if (action === 'list') {
    if (name !== undefined)
      throw new UserError(`rules list: takes no name (got "${name}")`, {
        code: 'bad-usage',
        hint: `to see one: jss rules show ${name}`,
      });
    const ruleSets = await Promise.all(
      builtinRuleSetNames().map(async (n) => {
        const { ruleSet } = await loadRuleSet(n, { cwd });
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
  if (action === 'show') {
    const spec = name ?? DEFAULT_RULE_SET;
    const { ruleSet, source } = await loadRuleSet(spec, { cwd });
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
  const near = closest(action, ACTIONS);
  const looksLikeRules = isRulePath(action) || builtinRuleSetNames().includes(action);
  throw new UserError(`rules: unknown action "${action}"`, {
    code: 'unknown-action',
    hint: looksLikeRules
      ? `to see a rule set: jss rules show ${action}`
      : `${near ? `did you mean "${near}"? ` : ''}valid actions: ${ACTIONS.join(', ')}`,
  });
}
