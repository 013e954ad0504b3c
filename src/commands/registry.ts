import type { Command } from '@commander-js/extra-typings';
import {
  estimateCommand,
  forecastCommand,
  importCommand,
  inferCommand,
  initCommand,
  planCommand,
  reportCommand,
  rulesCommand,
  schemaCommand,
  validateCommand,
  whatifCommand,
} from './definitions.js';
import { attach, type Session } from './program.js';

/**
 * Each command's definition with its `run`, which is loaded only when the command runs: `jss
 * estimate` loads nothing of `infer`'s search or `report`'s page. One export per command, so a
 * bundle of one command holds only that command.
 */
export type Registration = (program: Command, session: Session) => void;

export const estimate: Registration = (p, s) =>
  attach(estimateCommand(p), s, async () => (await import('./estimate.js')).run);

export const whatif: Registration = (p, s) =>
  attach(whatifCommand(p), s, async () => (await import('./whatif.js')).run);

export const forecast: Registration = (p, s) =>
  attach(forecastCommand(p), s, async () => (await import('./forecast.js')).run);

export const plan: Registration = (p, s) =>
  attach(planCommand(p), s, async () => (await import('./plan.js')).run);

export const infer: Registration = (p, s) =>
  attach(inferCommand(p), s, async () => (await import('./infer.js')).run);

export const report: Registration = (p, s) =>
  attach(reportCommand(p), s, async () => (await import('./report.js')).run);

export const validate: Registration = (p, s) =>
  attach(validateCommand(p), s, async () => (await import('./validate.js')).run);

export const init: Registration = (p, s) =>
  attach(initCommand(p), s, async () => (await import('./init.js')).run);

export const schema: Registration = (p, s) =>
  attach(schemaCommand(p), s, async () => (await import('./schema.js')).run);

/** `jss rules`, `jss rules list` and `jss rules show`, all named `rules` (their JSON's `command`). */
export const rules: Registration = (p, s) => {
  const group = rulesCommand(p);
  const load = () => import('./rules.js');
  attach(group.rules, s, async () => (await load()).runRulesAction);
  attach(group.list, s, async () => (await load()).runList, 'rules');
  attach(group.show, s, async () => (await load()).runShow, 'rules');
};

const importRegistration: Registration = (p, s) =>
  attach(importCommand(p), s, async () => (await import('./import.js')).run);

export { importRegistration as import };
