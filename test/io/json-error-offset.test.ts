import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../src/io/json-error-offset.js';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"a": 1', 7],
    ['{"a": tru}', 9],
    ['{"a": NaN}', 6],
    ['{"a": "x\ny"}', 8],
    ["{'a': 1}", 1],
    ['{"a": 1} x', 9],
    ['[1, 2', 5],
    ['{"a": 01}', 7],
    ['{"a" 1}', 5],
    ['{"a": "\\q"}', 7],
    ['{"a": 1e}', 7],
    ['{"a": -}', 6],
    ['{"a":[1,]}', 8],
    ['{"a": True}', 6],
  ])('finds the error in %j at %i, where JSON.parse fails', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it.each(['{"a": [1, 2.5e3, -0, true, false, null, "\\u00e9\\n"]}', '  [ ]  ', '{}'])(
    'finds no error in valid JSON %j',
    (text) => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeUndefined();
    },
  );
});
