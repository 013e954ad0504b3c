import { basename, extname } from 'node:path';
import { z } from 'zod';
import {
  applyChanges,
  type ChangeProblem,
  type Changes,
  changeProblems,
  findChoice,
} from '../core/apply-changes.js';
import type { Contract, History, RuleSet } from '../core/types.js';
import type { Alternative } from '../core/whatif.js';
import { formatPath, type Problem, UserError } from '../errors.js';
import { contractSchema, historyProblems } from './history-schema.js';
import { parseSource } from './parse-document.js';
import type { ParsedDocument } from './parsed-document.js';
import { readInput, type StdinLike } from './read-input.js';
import { closest } from './suggest.js';
import { locateProblems, type PathProblem, parseWith } from './validate.js';

const contractRef = z
  .union([z.string().trim().min(1), z.int()], {
    error: (issue) =>
      issue.input === undefined
        ? 'missing (required: the id of a contract in the history)'
        : `expected a contract id, got ${JSON.stringify(issue.input)}`,
  })
  .transform(String)
  .meta({ description: 'The id of a contract in the history.' });

const name = z.string().trim().min(1, { error: 'must not be empty' });

const c = contractSchema.shape;

/** Field changes: any contract field but `id`; `null` removes an optional field. */
const fieldsSchema = z.strictObject({
  id: z.unknown().optional(),
  client: c.client.optional(),
  title: c.title.unwrap().nullable().optional(),
  type: c.type.optional(),
  status: c.status.optional(),
  start: c.start.optional(),
  end: c.end.unwrap().nullable().optional(),
  earnings: c.earnings.unwrap().optional(),
  refunded: c.refunded.unwrap().optional(),
  payments: c.payments.unwrap().nullable().optional(),
  firstPayment: c.firstPayment.unwrap().nullable().optional(),
  lastPayment: c.lastPayment.unwrap().nullable().optional(),
  endedBy: c.endedBy.unwrap().nullable().optional(),
  endReason: c.endReason.unwrap().nullable().optional(),
  feedback: c.feedback.unwrap().nullable().optional(),
  dispute: c.dispute.unwrap().optional(),
  clientSuspended: c.clientSuspended.unwrap().optional(),
  notes: c.notes.unwrap().nullable().optional(),
});

/** A changes file (DESIGN §6): one alternative future for `jss whatif`. */
export const changesSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema of this file, for editors; ignored.' }),
    name: name.optional().meta({ description: 'The name of this alternative; default: the file name.' }),
    set: z
      .array(
        z.strictObject({
          contract: contractRef,
          scenario: name.meta({ description: 'A scenario of the rule set (jss rules show NAME).' }),
          outcome: name
            .optional()
            .meta({ description: "One of the scenario's outcomes; default: its first." }),
        }),
      )
      .optional()
      .meta({ description: 'Scenario outcomes for open contracts.' }),
    change: z
      .array(z.strictObject({ contract: contractRef, fields: fieldsSchema }))
      .optional()
      .meta({ description: 'Plain field changes of existing contracts; null removes an optional field.' }),
    add: z.array(contractSchema).optional().meta({ description: 'New contracts, in the history format.' }),
  })
  .meta({
    title: 'jss changes',
    description: 'An alternative future for jss whatif: change, then set, then add.',
  });

export interface LoadedChanges {
  document: ParsedDocument;
  changes: Changes;
  /** The alternative's name: the file's `name`, else the file name without its extension. */
  name: string;
}

/** Reads, parses and validates the shape of a changes file (`-` reads stdin). */
export async function loadChanges(
  path: string,
  options: { stdin?: StdinLike; cwd?: string },
): Promise<LoadedChanges> {
  const document = parseSource(await readInput(path, options));
  const parsed = parseWith(changesSchema, document, (value) =>
    (value.change ?? []).flatMap((entry, j): PathProblem[] =>
      entry.fields.id === undefined
        ? []
        : [
            {
              path: ['change', j, 'fields'],
              key: 'id',
              code: 'id-change',
              message: 'the id of a contract cannot change',
              hint: 'remove id here; to have a contract under a new id, add it and leave the old one',
            },
          ],
    ),
  );
  const changes: Changes = {
    set: parsed.set,
    change: parsed.change?.map((entry) => {
      const { id: _id, ...fields } = entry.fields;
      return { contract: entry.contract, fields };
    }),
    add: parsed.add,
  };
  const fallback = path === '-' ? 'stdin' : basename(path, extname(path));
  return { document, changes, name: parsed.name ?? fallback };
}

export interface AlternativeDates {
  /** The history's evaluation date (fixes guessed payment dates; scenarios end contracts then). */
  asOf: string;
  /** The day scored: dates in the changed history may run up to it. */
  at: string;
  /** How the user can move `at` later, for the hint (default: "pass a later --at"). */
  later?: string;
  /**
   * The history as written, when `history` is it as it stood on an earlier evaluation date (§8):
   * a contract that starts after that day is named as such, not as unknown.
   */
  written?: History;
}

/**
 * The alternative a changes file describes under one rule set: its references are checked against
 * the history and the rule set's scenarios, it is applied, and the result is checked as a history
 * whose latest date is `at`. Every problem is reported in the changes file.
 */
export function changesAlternative(
  loaded: LoadedChanges,
  history: History,
  rules: RuleSet,
  dates: AlternativeDates,
): Alternative {
  const { document, changes } = loaded;
  const refs = [
    ...changeProblems(history, changes, rules, dates.asOf).map((p) => notYet(p, changes, dates)),
    ...addedLater(history, changes, dates),
  ];
  if (refs.length > 0) throw new UserError(locateProblems(document, refs.map(withSuggestion)));
  const changed = applyChanges(history, changes, rules, dates.asOf, dates.at);
  const after = appliedProblems(changed, changes, dates);
  if (after.length > 0) {
    throw new UserError(
      locateProblems(
        document,
        after.map((p) => inChangesFile(p, history, changed, changes)),
      ),
    );
  }
  return { name: loaded.name, history: changed };
}

/** `ID=SCENARIO[:OUTCOME]` values of `--set`, as scenario choices. */
export function parseSetOptions(values: readonly string[]): Changes {
  const set = values.map((value) => {
    const eq = value.lastIndexOf('=');
    const [scenario, outcome, extra] = value.slice(eq + 1).split(':');
    if (eq <= 0 || !scenario || outcome === '' || extra !== undefined) {
      throw new UserError(`--set ${value}: expected ID=SCENARIO or ID=SCENARIO:OUTCOME`, {
        code: 'bad-usage',
        hint: 'e.g. --set C9=client-cancels:unhappy (jss rules show NAME lists the scenarios)',
      });
    }
    return { contract: value.slice(0, eq), scenario, ...(outcome === undefined ? {} : { outcome }) };
  });
  return { set };
}

/**
 * The alternative all `--set` values form together, named by their `ID=SCENARIO:OUTCOME` values
 * joined with `, ` (the outcome filled in when it was left to default).
 */
export function setAlternative(
  values: readonly string[],
  history: History,
  rules: RuleSet,
  dates: AlternativeDates,
): Alternative {
  const changes = parseSetOptions(values);
  const set = changes.set ?? [];
  const fail = (problems: PathProblem[]) =>
    new UserError(
      problems.map((p): Problem => {
        const j = p.path[0] === 'set' ? Number(p.path[1]) : -1;
        return { code: p.code, message: `${j >= 0 ? `--set ${values[j]}: ` : ''}${p.message}`, hint: p.hint };
      }),
    );
  const refs = changeProblems(history, changes, rules, dates.asOf).map((p) => notYet(p, changes, dates));
  if (refs.length > 0) throw fail(refs.map(withSuggestion));
  const changed = applyChanges(history, changes, rules, dates.asOf, dates.at);
  const after = appliedProblems(changed, changes, dates);
  if (after.length > 0) {
    throw fail(after.map((p) => inChangesFile(p, history, changed, changes)));
  }
  const name = set
    .map((choice) => `${choice.contract}=${choice.scenario}:${findChoice(rules, choice)?.outcome.name}`)
    .join(', ');
  return { name, history: changed };
}

/** Added ids that the history as written has, on a contract that starts after the evaluation date. */
function addedLater(history: History, changes: Changes, dates: AlternativeDates): ChangeProblem[] {
  if (dates.written === undefined) return [];
  const now = new Set(history.contracts.map((c) => c.id));
  return (changes.add ?? []).flatMap((c, k): ChangeProblem[] => {
    const later = now.has(c.id) ? undefined : dates.written?.contracts.find((w) => w.id === c.id);
    if (later === undefined) return [];
    return [
      {
        path: ['add', k, 'id'],
        code: 'contract-exists',
        message: `${c.id} is in the history already, starting ${later.start} (after the evaluation date ${dates.asOf})`,
        hint: 'added contracts need new ids',
      },
    ];
  });
}

/** An unknown contract that the history as written has: it did not exist yet on the evaluation date. */
function notYet(p: ChangeProblem, changes: Changes, dates: AlternativeDates): ChangeProblem {
  const [list, j, key] = p.path;
  if (dates.written === undefined || key !== 'contract' || (list !== 'set' && list !== 'change')) return p;
  const id = (list === 'set' ? changes.set : changes.change)?.[j as number]?.contract;
  const contract = dates.written.contracts.find((c) => c.id === id);
  if (contract === undefined || p.code !== 'unknown-contract') return p;
  return {
    path: p.path,
    code: 'contract-not-yet',
    message: `${id} did not exist yet on the evaluation date ${dates.asOf} (it starts ${contract.start})`,
    hint: `changes apply to the history as it stood on ${dates.asOf}: leave ${id} out, or evaluate on a later day (--as-of)`,
  };
}

function withSuggestion(p: ChangeProblem): PathProblem {
  const near = p.suggest ? closest(p.suggest.word, p.suggest.valid) : undefined;
  const hint = near === undefined ? p.hint : `did you mean "${near}"? ${p.hint ?? ''}`.trim();
  return { path: p.path, code: p.code, message: p.message, hint };
}

/**
 * Checks of the changed history: every check of a history file up to `at`, and that no changed
 * or added open contract would need its last payment guessed before its first one (a missing last
 * payment of an open contract is taken as the evaluation date `asOf`).
 */
function appliedProblems(changed: History, changes: Changes, dates: AlternativeDates): PathProblem[] {
  const touched = touchedIds(changes);
  const problems = historyProblems({ contracts: changed.contracts }, dates.at, `the day scored ${dates.at}`)
    .filter((p) => touched.has(changed.contracts[p.path[1] as number].id))
    .map((p) => {
      if (!p.message.includes('the day scored')) return p;
      const hint = `dates of an alternative may run up to the day scored: correct the date, or ${dates.later ?? 'pass a later --at'}`;
      return { ...p, hint };
    });
  changed.contracts.forEach((contract, i) => {
    if (!touched.has(contract.id) || !needsLastPayment(contract, dates.asOf)) return;
    problems.push({
      path: ['contracts', i, 'lastPayment'],
      code: 'missing',
      message: `missing: an open contract paid after the evaluation date ${dates.asOf} needs its last payment date (a missing one is taken as the evaluation date)`,
      hint: 'give lastPayment, or a payments list',
    });
  });
  return problems;
}

function needsLastPayment(contract: Contract, asOf: string): boolean {
  if (contract.status === 'ended' || contract.earnings <= 0 || contract.lastPayment !== undefined)
    return false;
  if (contract.payments && contract.payments.length > 0) return false;
  return (contract.firstPayment ?? contract.start) > asOf;
}

function touchedIds(changes: Changes): Set<string> {
  return new Set([
    ...(changes.change ?? []).map((e) => e.contract),
    ...(changes.set ?? []).map((e) => e.contract),
    ...(changes.add ?? []).map((e) => e.id),
  ]);
}

/**
 * A problem of the changed history (at `contracts[i]…`), moved to the entry of the changes file
 * that made it: the added contract, the field that was changed, or the change or set entry.
 */
function inChangesFile(p: PathProblem, before: History, changed: History, changes: Changes): PathProblem {
  const i = p.path[1] as number;
  const rest = p.path.slice(2);
  const contract = changed.contracts[i];
  const { code, message, hint } = p;
  if (i >= before.contracts.length) {
    return { path: ['add', i - before.contracts.length, ...rest], key: p.key, code, message, hint };
  }
  const field = String(rest[0] ?? '');
  const change = lastIndex(changes.change ?? [], (e) => e.contract === contract.id);
  const set = lastIndex(changes.set ?? [], (e) => e.contract === contract.id);
  const said = `${contract.id} after the changes: ${rest.length ? `${formatPath(rest)}: ` : ''}${message}`;
  if (change >= 0 && field in (changes.change ?? [])[change].fields) {
    return { path: ['change', change, 'fields', ...rest], code, message, hint };
  }
  if (set >= 0) return { path: ['set', set], code, message: said, hint };
  return { path: change >= 0 ? ['change', change] : [], code, message: said, hint };
}

function lastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}
