import { renderJsonPieces } from '../render/json.js';
import type { OutStream } from './context.js';

/**
 * Writes a command's `--json` document (`renderJson`'s text) a piece at a time: a large history's
 * document is tens of megabytes, and is never held whole.
 */
export function writeJson(out: OutStream, command: string, body: object): void {
  for (const piece of renderJsonPieces(command, body)) out.write(piece);
}
