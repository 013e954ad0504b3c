export const SCHEMA_VERSION = 1;

/** One JSON document: `{ schemaVersion, command, ...body }`, pretty-printed, newline-terminated. */
export function renderJson(command: string, body: object): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, command, ...body }, null, 2)}\n`;
}
