/**
 * Build step (`npm run build`): resolves and validates every built-in rule set from rules/*.yaml
 * and writes them as one JSON file beside the compiled loader, so a run reads JSON instead of
 * parsing YAML through zod. A broken built-in fails the build with its located message.
 */
import { writeFileSync } from 'node:fs';
import type { RuleSet } from '../core/types.js';
import { BUILTIN, COMPILED_BUILTINS } from './load-rules.js';
import { readRuleSet } from './read-rule-file.js';

const sets: Record<string, RuleSet> = {};
for (const name of BUILTIN) sets[name] = (await readRuleSet(name, { cwd: process.cwd() })).ruleSet;
writeFileSync(COMPILED_BUILTINS, `${JSON.stringify(sets)}\n`);
