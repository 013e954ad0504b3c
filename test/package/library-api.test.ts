import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('the library API (src/index.ts)', () => {
  it('exports what a script needs and none of the command line helpers', () => {
    expect(Object.keys(api)).toEqual(
      expect.arrayContaining(['loadHistory', 'loadRuleSet', 'loadChanges', 'changesAlternative', 'prepare']),
    );
    for (const cliOnly of [
      'setAlternative',
      'parseSetOptions',
      'parseObservedOptions',
      'loadRuleSets',
      'changesFileAlternative',
    ]) {
      expect(Object.keys(api)).not.toContain(cliOnly);
    }
  });
});
