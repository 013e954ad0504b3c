import type { Changes } from '../core/apply-changes.js';
import type { History } from '../core/types.js';
import { formatPath } from '../errors.js';
import type { PathProblem } from './path-problems.js';

/**
 * A problem of the changed history (at `contracts[i]…`), moved to the entry of the changes file
 * that made it: the added contract, the field that was changed, or the change or set entry.
 */
export function inChangesFile(
  p: PathProblem,
  before: History,
  changed: History,
  changes: Changes,
): PathProblem {
  const i = p.path[1];
  if (typeof i !== 'number') return p;
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
