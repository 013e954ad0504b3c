import { describe, expect, it } from 'vitest';
import { contractsJsonSchema } from '../../src/io/history-schema.js';
import { runCli } from '../helpers/run-cli.js';

describe('jss schema contracts', () => {
  it('prints the JSON Schema of history files, pretty-printed with a trailing newline', async () => {
    const r = await runCli(['schema', 'contracts']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${JSON.stringify(contractsJsonSchema(), null, 2)}\n`);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('jss contract history');
    const contract = schema.properties.contracts.items;
    expect(contract.properties.endReason.enum).toContain('no-longer-needed');
    expect(contract.properties.start).toMatchObject({ type: 'string', format: 'date' });
    expect(contract.properties.dispute).toMatchObject({ default: 'none' });
    expect(r.stdout.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('refuses an unknown kind with exit 2', async () => {
    const r = await runCli(['schema', 'contract']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("command-argument value 'contract' is invalid");
  });
});
