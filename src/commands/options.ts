import { InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { FIRST_YEAR, isDateInRange, isIsoDate, LAST_YEAR } from '../core/dates.js';
import { DEFAULT_RULE_SET } from '../rules/load-rules.js';

// The option parsers (each throws commander's InvalidArgumentError, which it prints as
// `error: option '--x <v>' argument 'v' is invalid. MESSAGE`) and the options several commands share.

/** A number from `min` to `max`. */
export function parseNumber(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`${what} must be a number from ${min} to ${max}`);
    }
    return n;
  };
}

/** A percentage: a number from 0 to 100, with or without a trailing `%` (`90`, `90%`, `92.5 %`). */
export function parsePercent(what: string) {
  const parse = parseNumber(0, 100, what);
  return (value: string): number => {
    try {
      return parse(value.replace(/\s*%$/, ''));
    } catch {
      throw new InvalidArgumentError(`${what} must be a percentage from 0 to 100 (90 or 90%)`);
    }
  };
}

/** A whole number from `min` to `max`. */
export function parseWhole(min: number, max: number, what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      throw new InvalidArgumentError(`${what} must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** A real calendar day as YYYY-MM-DD, in the years the model handles. */
export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a real date as YYYY-MM-DD');
  if (!isDateInRange(value)) {
    throw new InvalidArgumentError(`expected a date in the years ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  return value;
}

/** The value as given. */
export function asGiven(value: string): string {
  return value;
}

/** A repeatable option: every value, in the order given. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * An option given at most once: a second `--rules` or `--as-of` is refused rather than silently
 * replacing the first (a comma list compares rule sets). Each option gets a fresh parser, so each
 * program built does too.
 */
export function once<T>(flag: string, hint: string, parse: (value: string) => T) {
  let seen = false;
  return (value: string): T => {
    if (seen) throw new InvalidArgumentError(`${flag} is given more than once; ${hint}`);
    seen = true;
    return parse(value);
  };
}

export const GIVE_IT_ONCE = 'give it once';

/** 100 years: far beyond any window, and the horizon's date stays a four-digit-year YYYY-MM-DD. */
export const MAX_HORIZON_DAYS = 36500;

/** `--rules NAMES`: a rule set, or a comma list of rule sets to compare (the reporting commands). */
export function compareRulesOption() {
  return new Option('--rules <names>', 'rule set name or file; a comma list compares rule sets')
    .argParser(
      once(
        '--rules',
        'to compare rule sets give one comma list, e.g. --rules upwork-2026,pessimistic',
        asGiven,
      ),
    )
    .default(DEFAULT_RULE_SET);
}

/** `--as-of DATE`: the evaluation date. */
export function asOfOption(description: string) {
  return new Option('--as-of <date>', description).argParser(once('--as-of', GIVE_IT_ONCE, parseDate));
}

/** `--from DATE`: where a series or timeline starts, before the evaluation date. */
export function fromOption(description: string) {
  return new Option('--from <date>', description).argParser(once('--from', GIVE_IT_ONCE, parseDate));
}

/** `--json`: one JSON document on stdout. */
export function jsonOption(description = 'print one JSON document') {
  return new Option('--json', description);
}

export function quietOption(description: string) {
  return new Option('-q, --quiet', description);
}

export function noColorOption(description = 'never colour the output') {
  return new Option('--no-color', description);
}

export function debugOption() {
  return new Option('--debug', 'show stack traces of internal errors');
}

export function forceOption(description: string) {
  return new Option('--force', description);
}

/** `--observed DATE=JSS`, repeatable. */
export function observedOption(description: string) {
  return new Option('--observed <DATE=JSS>', description).argParser(collect);
}

/** `--changes FILE`, repeatable (forecast and plan refuse a second one themselves, with a hint). */
export function changesOption(description: string) {
  return new Option('--changes <file>', description).argParser(collect);
}

export function failUnderOption() {
  return new Option(
    '--fail-under <n>',
    'exit 1 when the projected JSS is below N (90 or 90%) or not shown',
  ).argParser(once('--fail-under', GIVE_IT_ONCE, parsePercent('--fail-under')));
}

/** `-o, --output FILE`. */
export function outputOption(description: string) {
  return new Option('-o, --output <file>', description);
}
