import type { Contract, History, RuleSet, Scenario, ScenarioOutcome } from './types.js';

/** A scenario outcome chosen for an open contract; `outcome` defaults to the scenario's first. */
export interface ScenarioChoice {
  contract: string;
  scenario: string;
  outcome?: string;
}

/** New values for a contract's fields; `null` removes an optional field. `id` cannot change. */
export type ContractFields = { [K in Exclude<keyof Contract, 'id'>]?: Contract[K] | null };

export interface FieldChange {
  contract: string;
  fields: ContractFields;
}

/** One alternative future (DESIGN §6): applied as `change`, then `set`, then `add`. */
export interface Changes {
  name?: string;
  set?: ScenarioChoice[];
  change?: FieldChange[];
  add?: Contract[];
}

/** Something in a Changes value that does not fit the history or the rule set, at a path in it. */
export interface ChangeProblem {
  path: (string | number)[];
  /** A stable name for the kind of problem. */
  code: string;
  message: string;
  hint?: string;
  /** A misspelt name and the valid ones, so the caller can add "did you mean". */
  suggest?: { word: string; valid: string[] };
}

/**
 * An open contract after a scenario outcome (DESIGN §4): the scenario's `set`, then `end` = the
 * history's evaluation date `asOf` when the status becomes ended, then the outcome's feedback,
 * which replaces the contract's feedback whole. Payments stay as they were.
 */
export function applyScenario(
  contract: Contract,
  scenario: Scenario,
  outcome: ScenarioOutcome,
  asOf: string,
): Contract {
  const changed: Contract = { ...contract, ...scenario.set };
  if (changed.status === 'ended' && contract.status !== 'ended') changed.end = asOf;
  if (outcome.feedback !== undefined) {
    changed.feedback = outcome.feedback === 'none' ? 'none' : { ...outcome.feedback };
  }
  return changed;
}

/** The scenario and outcome a choice names, or undefined when the rule set has no such thing. */
export function findChoice(
  rules: RuleSet,
  choice: ScenarioChoice,
): { scenario: Scenario; outcome: ScenarioOutcome } | undefined {
  const scenario = rules.scenarios.find((s) => s.name === choice.scenario);
  const outcome =
    choice.outcome === undefined
      ? scenario?.outcomes[0]
      : scenario?.outcomes.find((o) => o.name === choice.outcome);
  return scenario && outcome ? { scenario, outcome } : undefined;
}

/**
 * Every way `changes` does not fit `history` and the rule set's scenario catalog: unknown contract
 * ids, `set` on a contract that is not open (after `change`), unknown scenarios or outcomes, a
 * contract set twice, `add` ids that are not new. Checks of the resulting history are not here
 * (run historyProblems on it).
 */
export function changeProblems(history: History, changes: Changes, rules: RuleSet): ChangeProblem[] {
  const out: ChangeProblem[] = [];
  const byId = new Map(history.contracts.map((c) => [c.id, c]));
  const ids = [...byId.keys()];
  const status = new Map(history.contracts.map((c) => [c.id, c.status]));

  (changes.change ?? []).forEach((entry, j) => {
    if (!byId.has(entry.contract))
      out.push(unknownContract(['change', j, 'contract'], entry.contract, ids, 'contracts'));
    else if (entry.fields.status) status.set(entry.contract, entry.fields.status);
  });

  const open = ids.filter((id) => status.get(id) !== 'ended');
  const seen = new Map<string, number>();
  (changes.set ?? []).forEach((entry, j) => {
    const at = (key: string) => ['set', j, key];
    if (!byId.has(entry.contract))
      out.push(unknownContract(at('contract'), entry.contract, open, 'open contracts'));
    else if (status.get(entry.contract) === 'ended') {
      out.push({
        path: at('contract'),
        code: 'contract-ended',
        message: `${entry.contract} is ended; scenarios apply to open (active or paused) contracts`,
        hint: open.length ? `open contracts: ${list(open)}` : 'this history has no open contract',
      });
    } else if (seen.has(entry.contract)) {
      out.push({
        path: at('contract'),
        code: 'scenario-twice',
        message: `${entry.contract} already has a scenario (set[${seen.get(entry.contract)}])`,
        hint: 'an alternative gives each contract one scenario outcome; put the other in its own alternative',
      });
    }
    seen.set(entry.contract, seen.get(entry.contract) ?? j);
    const scenario = rules.scenarios.find((s) => s.name === entry.scenario);
    const names = rules.scenarios.map((s) => s.name);
    if (!scenario) {
      out.push({
        path: at('scenario'),
        code: 'unknown-scenario',
        message: `no scenario "${entry.scenario}" in rule set ${rules.name}`,
        ...choices(entry.scenario, names, 'scenarios'),
      });
    } else if (entry.outcome !== undefined && !scenario.outcomes.some((o) => o.name === entry.outcome)) {
      out.push({
        path: at('outcome'),
        code: 'unknown-outcome',
        message: `scenario ${scenario.name} has no outcome "${entry.outcome}" in rule set ${rules.name}`,
        ...choices(
          entry.outcome,
          scenario.outcomes.map((o) => o.name),
          `outcomes of ${scenario.name}`,
        ),
      });
    }
  });

  const added = new Map<string, number>();
  (changes.add ?? []).forEach((c, k) => {
    if (byId.has(c.id)) {
      out.push({
        path: ['add', k, 'id'],
        code: 'contract-exists',
        message: `${c.id} is already in the history`,
        hint: 'added contracts need new ids; to alter an existing contract use change',
      });
    } else if (added.has(c.id)) {
      out.push({
        path: ['add', k, 'id'],
        code: 'contract-exists',
        message: `${c.id} is added twice (add[${added.get(c.id)}] too)`,
      });
    }
    added.set(c.id, added.get(c.id) ?? k);
  });
  return out;
}

/**
 * The history after `changes` (change, then set, then add). `asOf` is the history's evaluation
 * date: a scenario that ends a contract ends it then. Throws when changeProblems finds anything.
 */
export function applyChanges(history: History, changes: Changes, rules: RuleSet, asOf: string): History {
  const problems = changeProblems(history, changes, rules);
  if (problems.length > 0) {
    throw new Error(
      `changes do not fit the history: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`,
    );
  }
  const contracts = [...history.contracts];
  const index = new Map(contracts.map((c, i) => [c.id, i]));
  for (const { contract, fields } of changes.change ?? []) {
    const i = index.get(contract) as number;
    contracts[i] = applyFields(contracts[i], fields);
  }
  for (const choice of changes.set ?? []) {
    const i = index.get(choice.contract) as number;
    const found = findChoice(rules, choice) as { scenario: Scenario; outcome: ScenarioOutcome };
    contracts[i] = applyScenario(contracts[i], found.scenario, found.outcome, asOf);
  }
  contracts.push(...(changes.add ?? []));
  return { ...history, contracts };
}

function applyFields(contract: Contract, fields: ContractFields): Contract {
  const out: Record<string, unknown> = { ...contract };
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id' || value === undefined) continue;
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out as unknown as Contract;
}

function unknownContract(
  path: ChangeProblem['path'],
  id: string,
  valid: string[],
  what: string,
): ChangeProblem {
  return {
    path,
    code: 'unknown-contract',
    message: `no contract "${id}" in the history`,
    ...choices(id, valid, what),
  };
}

/** The valid names (at most 20), with the word they could replace for a did-you-mean. */
function choices(word: string, valid: string[], what: string): Pick<ChangeProblem, 'hint' | 'suggest'> {
  if (valid.length === 0) return { hint: `there are no ${what}` };
  return { hint: `${what}: ${list(valid)}`, suggest: { word, valid } };
}

function list(names: string[]): string {
  return names.length > 20
    ? `${names.slice(0, 20).join(', ')}, … (${names.length} in all)`
    : names.join(', ');
}
