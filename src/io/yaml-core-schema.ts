import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

/**
 * YAML 1.2's core schema, exactly (https://yaml.org/spec/1.2.2/#1032-tag-resolution), for js-yaml,
 * whose own core schema follows YAML 1.1 for numbers (`0b101`, `-0x10`, no `+.5`): so both parsers
 * make the same numbers of the same text.
 */
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT =
  /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function coreNumber(text: string): number {
  if (text.startsWith('0o')) return Number.parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return Number.parseInt(text.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return Number(text);
}

export const CORE_12_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (data: string | null) => data === null || /^(?:~|null|Null|NULL)?$/.test(data),
      construct: () => null,
      predicate: (v: unknown) => v === null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && /^(?:true|True|TRUE|false|False|FALSE)$/.test(data),
      construct: (data: string) => data === 'true' || data === 'True' || data === 'TRUE',
      predicate: (v: unknown) => typeof v === 'boolean',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && CORE_INT.test(data),
      construct: coreNumber,
      predicate: (v: unknown) => Number.isInteger(v),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (data: string | null) => data !== null && CORE_FLOAT.test(data),
      construct: coreNumber,
      predicate: (v: unknown) => typeof v === 'number',
    }),
  ],
});

/** `!!float 500` and `!!int` on any number the core schema reads (the yaml package wants a dot in a float). */
export const EXPLICIT_NUMBER_TAGS = ['tag:yaml.org,2002:float', 'tag:yaml.org,2002:int'].map((tag) => ({
  tag,
  default: false as const,
  resolve(value: string, onError: (message: string) => void): number | string {
    if (CORE_INT.test(value) || CORE_FLOAT.test(value)) {
      const n = coreNumber(value);
      if (tag.endsWith('float') || Number.isInteger(n)) return n;
    }
    onError(`"${value}" is not ${tag.endsWith('float') ? 'a number' : 'a whole number'}`);
    return value;
  },
}));
