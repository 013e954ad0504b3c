import { describe, expectTypeOf, it } from 'vitest';
import type {
  ArgsOf,
  estimateCommand,
  OptionsOf,
  planCommand,
  RulesGroup,
  reportCommand,
  schemaCommand,
} from '../../src/commands/definitions.js';
import type { InputChoice } from '../../src/commands/load-inputs.js';

// Checked by `npm run typecheck`: what a command's `run` receives is what its definition declares,
// so an option renamed in a definition is a compile error wherever the old name is read.
describe('option types come from the definitions', () => {
  it('each option has the type its parser and default give it', () => {
    expectTypeOf<OptionsOf<typeof estimateCommand>>().toMatchTypeOf<{
      rules: string;
      horizon: number;
      asOf?: string;
      observed?: string[];
      json?: true;
      quiet?: true;
      color: boolean;
      failUnder?: number;
    }>();
    expectTypeOf<OptionsOf<typeof planCommand>['target']>().toEqualTypeOf<number>();
    expectTypeOf<OptionsOf<typeof reportCommand>['output']>().toEqualTypeOf<string>();
    expectTypeOf<ArgsOf<typeof estimateCommand>>().toEqualTypeOf<[string]>();
    expectTypeOf<ArgsOf<typeof schemaCommand>>().toEqualTypeOf<['contracts' | 'rules' | 'report']>();
    expectTypeOf<ReturnType<RulesGroup['rules']['opts']>>().toHaveProperty('json');
  });

  it('an option that is not declared is not there', () => {
    // @ts-expect-error: estimate has no --as-of spelt asof
    expectTypeOf<OptionsOf<typeof estimateCommand>['asof']>().toBeNever();
    // @ts-expect-error: plan has no --fail-under
    expectTypeOf<OptionsOf<typeof planCommand>['failUnder']>().toBeNever();
  });

  it('the inputs are chosen by name: a definition without --rules or --as-of cannot be passed whole', () => {
    // @ts-expect-error: asOf is optional in the options, required (maybe undefined) in the choice
    const choice: InputChoice = {} as OptionsOf<typeof estimateCommand>;
    expectTypeOf(choice).toEqualTypeOf<InputChoice>();
  });
});
