/**
 * Build step (`npm run build`): resolves and validates every built-in rule set from rules/*.yaml
 * and writes each as a JSON file (`dist/builtin-rules/NAME.json`), so a run reads the one set it
 * uses as JSON instead of parsing YAML through zod. A broken built-in fails the build with its
 * located message.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BUILTIN, compiledBuiltinPath } from './load-rules.js';
import { readRuleSet } from './read-rule-file.js';

for (const name of BUILTIN) {
  const { ruleSet } = await readRuleSet(name, { cwd: process.cwd() });
  const file = compiledBuiltinPath(name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(ruleSet)}\n`);
}
