import { isIdle, matches } from './classify.js';
import { toDay, toIso } from './dates.js';
import { type ContractFacts, computeFacts } from './facts.js';
import {
  CONTRACT_KEYS,
  type Contract,
  type History,
  type Matcher,
  type Payment,
  type RuleSet,
  type Scenario,
  type ScenarioOutcome,
} from './types.js';

/** A scenario outcome chosen for an open contract; `outcome` defaults to the scenario's first. */
export interface ScenarioChoice {
  contract: string;
  scenario: string;
  outcome?: string;
}

/** New values for a contract's fields; `null` removes an optional field. `id` cannot change. */
export type ContractFields = { [K in Exclude<keyof Contract, 'id'>]?: Contract[K] | null };

/** New values for some fields of one contract of the history (a changes file's `change:` entry). */
export interface ContractEdit {
  contract: string;
  fields: ContractFields;
}

/** One alternative future (DESIGN §6): applied as `change`, then `set`, then `add`. */
export interface Changes {
  name?: string;
  set?: ScenarioChoice[];
  change?: ContractEdit[];
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
 * which replaces the contract's feedback whole. Payments stay as they were unless the scenario
 * continues them up to `scoredDay` (default: the evaluation date, when none is due yet).
 */
export function applyScenario(
  contract: Contract,
  scenario: Scenario,
  outcome: ScenarioOutcome,
  asOf: string,
  scoredDay: string = asOf,
): Contract {
  const base = scenario.payments === 'continue' ? continuePayments(contract, asOf, scoredDay) : contract;
  const changed: Contract = { ...base, ...scenario.set };
  if (changed.status === 'ended' && contract.status !== 'ended') changed.end = asOf;
  if (outcome.feedback !== undefined) {
    changed.feedback = outcome.feedback === 'none' ? 'none' : { ...outcome.feedback };
  }
  return changed;
}

/**
 * The contract paid on at its own rhythm (DESIGN §4): on E + G, E + 2G, … up to `scoredDay`, each
 * payment its pay per G days. G is the median gap between the distinct dates of its payments list
 * (at least two), else 7 days for hourly and 30 for fixed-price work. `asOf` (E) is also the day a
 * missing last payment of an open contract is taken as.
 */
export function continuePayments(contract: Contract, asOf: string, scoredDay: string): Contract {
  const e = toDay(asOf);
  const scored = toDay(scoredDay);
  const gap = paymentGap(contract);
  if (e + gap > scored || contract.earnings <= 0) return contract;
  const listed = contract.payments && contract.payments.length > 0 ? contract.payments : undefined;
  const dates = listed
    ? listed.map((p) => toDay(p.date))
    : [toDay(contract.firstPayment ?? contract.start), toDay(contract.lastPayment ?? asOf)];
  const span = Math.max(...dates) - Math.min(...dates);
  const amount = payPerGap(contract.earnings, gap, span);
  if (amount <= 0) return contract;
  const added: Payment[] = [];
  for (let day = e + gap; day <= scored; day += gap) added.push({ date: toIso(day), amount: amount / 100 });
  const earnings = (Math.round(contract.earnings * 100) + amount * added.length) / 100;
  if (listed) return { ...contract, earnings, payments: [...listed, ...added] };
  return { ...contract, earnings, lastPayment: added[added.length - 1].date };
}

/** G: the median gap in days between distinct payment dates, rounded half up; else 7 or 30. */
export function paymentGap(contract: Contract): number {
  const days = [...new Set((contract.payments ?? []).map((p) => toDay(p.date)))].sort((a, b) => a - b);
  if (days.length < 2) return contract.type === 'hourly' ? 7 : 30;
  const gaps = days
    .slice(1)
    .map((d, i) => d - days[i])
    .sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  // The mean of the two middle gaps is a whole number or a half: half up is (a + b + 1) >> 1.
  return gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid] + 1) >> 1;
}

/** Gross earnings × G ÷ (span + G), in whole cents, rounded half up in exact integer arithmetic. */
function payPerGap(earnings: number, gap: number, span: number): number {
  const cents = Math.round(earnings * 100);
  const denominator = span + gap;
  return Math.floor((2 * cents * gap + denominator) / (2 * denominator));
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
export function changeProblems(
  history: History,
  changes: Changes,
  rules: RuleSet,
  asOf?: string,
): ChangeProblem[] {
  const out: ChangeProblem[] = [];
  const offered = asOf === undefined ? () => undefined : notOffered(history, changes, rules, asOf);
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
    const contractProblem = setContractProblem(entry, j, { known: byId, status, open, seen });
    if (contractProblem) out.push(contractProblem);
    seen.set(entry.contract, seen.get(entry.contract) ?? j);
    const scenarioProblem = setScenarioProblem(entry, j, rules, (scenario) =>
      byId.has(entry.contract) ? offered(entry.contract, scenario) : undefined,
    );
    if (scenarioProblem) out.push(scenarioProblem);
  });

  out.push(...addProblems(changes.add ?? [], byId));
  return out;
}

/** What is wrong with the contract a `set` entry names: unknown, ended (after `change`), or set before. */
function setContractProblem(
  entry: ScenarioChoice,
  j: number,
  history: {
    known: ReadonlyMap<string, Contract>;
    status: ReadonlyMap<string, Contract['status']>;
    open: string[];
    /** The first set entry of each contract seen so far. */
    seen: ReadonlyMap<string, number>;
  },
): ChangeProblem | undefined {
  const path = ['set', j, 'contract'];
  const { open } = history;
  if (!history.known.has(entry.contract))
    return unknownContract(path, entry.contract, open, 'open contracts');
  if (history.status.get(entry.contract) === 'ended') {
    return {
      path,
      code: 'contract-ended',
      message: `${entry.contract} is ended; scenarios apply to open (active or paused) contracts`,
      hint: open.length ? `open contracts: ${list(open)}` : 'this history has no open contract',
    };
  }
  if (history.seen.has(entry.contract)) {
    return {
      path,
      code: 'scenario-twice',
      message: `${entry.contract} already has a scenario (set[${history.seen.get(entry.contract)}])`,
      hint: 'an alternative gives each contract one scenario outcome; put the other in its own alternative',
    };
  }
  return undefined;
}

/**
 * What is wrong with the scenario and outcome a `set` entry names: unknown, or not offered for
 * the contract (`notOffered` says why, or undefined when it is offered).
 */
function setScenarioProblem(
  entry: ScenarioChoice,
  j: number,
  rules: RuleSet,
  notOffered: (scenario: Scenario) => string | undefined,
): ChangeProblem | undefined {
  const at = (key: string) => ['set', j, key];
  const scenario = rules.scenarios.find((s) => s.name === entry.scenario);
  if (!scenario) {
    return {
      path: at('scenario'),
      code: 'unknown-scenario',
      message: `no scenario "${entry.scenario}" in rule set ${rules.name}`,
      ...choices(
        entry.scenario,
        rules.scenarios.map((s) => s.name),
        'scenarios',
      ),
    };
  }
  const why = notOffered(scenario);
  if (why !== undefined) {
    return {
      path: at('scenario'),
      code: 'scenario-not-offered',
      message: `scenario ${scenario.name} is not offered for ${entry.contract}: ${why}`,
      hint: `jss rules show ${rules.name} lists when each scenario applies`,
    };
  }
  if (entry.outcome !== undefined && !scenario.outcomes.some((o) => o.name === entry.outcome)) {
    return {
      path: at('outcome'),
      code: 'unknown-outcome',
      message: `scenario ${scenario.name} has no outcome "${entry.outcome}" in rule set ${rules.name}`,
      ...choices(
        entry.outcome,
        scenario.outcomes.map((o) => o.name),
        `outcomes of ${scenario.name}`,
      ),
    };
  }
  return undefined;
}

/** `add` entries whose ids are already in the history, or added twice. */
function addProblems(add: readonly Contract[], known: ReadonlyMap<string, Contract>): ChangeProblem[] {
  const out: ChangeProblem[] = [];
  const added = new Map<string, number>();
  add.forEach((c, k) => {
    if (known.has(c.id)) {
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
 * Why a scenario's `when:` does not hold for a contract on the evaluation date (after `change`),
 * or undefined when it is offered.
 */
function notOffered(
  history: History,
  changes: Changes,
  rules: RuleSet,
  asOf: string,
): (id: string, scenario: Scenario) => string | undefined {
  let facts: Map<string, ContractFacts> | undefined;
  return (id, scenario) => {
    if (scenario.when === undefined) return undefined;
    if (!facts) {
      const changed = applyContractEdits(history.contracts, changes);
      const day = toDay(asOf);
      facts = new Map(computeFacts(changed, rules, day).facts.map((f) => [f.contract.id, f]));
    }
    const f = facts.get(id);
    if (!f || matches(scenario.when, f, isIdle(f, toDay(asOf)))) return undefined;
    return `it needs ${describeMatcher(scenario.when)}`;
  };
}

function applyContractEdits(contracts: readonly Contract[], changes: Changes): Contract[] {
  const fields = new Map<string, ContractFields[]>();
  for (const { contract, fields: f } of changes.change ?? [])
    fields.set(contract, [...(fields.get(contract) ?? []), f]);
  return contracts.map((c) => (fields.get(c.id) ?? []).reduce(applyFields, c));
}

/** A matcher in a few words, for messages: `idle: false, earnings: { min: 0.01 }`. */
export function describeMatcher(m: Matcher): string {
  return Object.entries(m)
    .map(
      ([key, value]) =>
        `${key}: ${
          typeof value === 'object' && !Array.isArray(value)
            ? `{ ${Object.entries(value)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')} }`
            : Array.isArray(value)
              ? `[${value.join(', ')}]`
              : String(value)
        }`,
    )
    .join(', ');
}

/**
 * The history after `changes` (change, then set, then add). `asOf` is the history's evaluation
 * date: a scenario that ends a contract ends it then; `at` is the day scored, up to which a
 * scenario that continues payments pays (default `asOf`). Throws when changeProblems finds anything.
 */
export function applyChanges(
  history: History,
  changes: Changes,
  rules: RuleSet,
  asOf: string,
  at: string = asOf,
): History {
  const problems = changeProblems(history, changes, rules);
  if (problems.length > 0) {
    throw new Error(
      `changes do not fit the history: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`,
    );
  }
  const contracts = [...history.contracts];
  const index = new Map(contracts.map((c, i) => [c.id, i]));
  // changeProblems (checked above) guarantees every id and scenario exists.
  const indexOf = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`changes name an unknown contract ${id}`);
    return i;
  };
  for (const { contract, fields } of changes.change ?? []) {
    const i = indexOf(contract);
    contracts[i] = applyFields(contracts[i], fields);
  }
  for (const choice of changes.set ?? []) {
    const i = indexOf(choice.contract);
    const found = findChoice(rules, choice);
    if (!found) throw new Error(`changes name an unknown scenario ${choice.scenario}`);
    contracts[i] = applyScenario(contracts[i], found.scenario, found.outcome, asOf, at);
  }
  contracts.push(...(changes.add ?? []));
  return { ...history, contracts };
}

/** The contract with `fields` written over it, in the order the fields are given (new keys last). */
function applyFields(contract: Contract, fields: ContractFields): Contract {
  const out: Contract = { ...contract };
  for (const key of Object.keys(fields)) if (isEditableKey(key)) setField(out, key, fields[key]);
  return out;
}

const EDITABLE_KEYS: ReadonlySet<string> = new Set(CONTRACT_KEYS.filter((key) => key !== 'id'));

function isEditableKey(key: string): key is keyof ContractFields {
  return EDITABLE_KEYS.has(key);
}

/** Sets one field; `null` removes it, `undefined` leaves it as it is. */
function setField<K extends keyof ContractFields>(
  out: Contract,
  key: K,
  value: Contract[K] | null | undefined,
): void {
  if (value === undefined) return;
  if (value === null) delete out[key];
  else out[key] = value;
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
