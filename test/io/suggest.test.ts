import { describe, expect, it } from 'vitest';
import { closest, suggestion } from '../../src/io/suggest.js';

describe('did you mean', () => {
  it('names the closest candidate when it is a likely typo, else lists the valid ones', () => {
    expect(closest('clinet', ['client', 'contract'])).toBe('client');
    expect(suggestion('clinet', ['client', 'contract'])).toBe('did you mean "client"?');
    expect(suggestion('colour', ['id', 'end'])).toBe('valid: id, end');
  });

  it('answers a word asked again the same, for the same candidates only', () => {
    const keys = ['status', 'start'];
    expect(suggestion('statu', keys)).toBe('did you mean "status"?');
    expect(suggestion('statu', keys)).toBe('did you mean "status"?');
    expect(suggestion('statu', ['start'])).toBe('did you mean "start"?');
    expect(suggestion('statu', ['id'])).toBe('valid: id');
  });
});
