import { isAbsolute, resolve } from 'node:path';
import type { CliIO } from './context.js';

/** A path as the user typed it, resolved against the CLI's working directory ('-' stays stdin). */
export function resolvePath(io: CliIO, path: string): string {
  return path === '-' || isAbsolute(path) ? path : resolve(io.cwd, path);
}
