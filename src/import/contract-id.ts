import { createHash } from 'node:crypto';

/**
 * The id of a contract the export gives no id for: `imp-` and 8 hex digits of a SHA-1 of what
 * identifies it (client, type, and title or hourly rate), so the same export always gives the
 * same ids and `--merge` can find the contract again.
 */
export function importedId(client: string, type: string, titleOrRate: string): string {
  const hash = createHash('sha1').update(`${client}\n${type}\n${titleOrRate}`).digest('hex');
  return `imp-${hash.slice(0, 8)}`;
}
