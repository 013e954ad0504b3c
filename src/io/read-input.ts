import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { bytePosition, firstInvalidUtf8 } from './byte-position.js';

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A text read from a file or stdin, with the name to show in messages. */
export interface Source {
  name: string;
  text: string;
}

export type StdinLike = AsyncIterable<Buffer | string> | string;

export interface ReadOptions {
  stdin?: StdinLike;
  /** Relative paths are read from here; messages name the path as given. */
  cwd?: string;
  /** The hint when the file does not exist. */
  missingHint?: string;
}

/** Reads `path` (or stdin for `-`): refuses directories, huge files, binary and non-UTF-8 input. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<Source> {
  const name = path === '-' ? '<stdin>' : path;
  const full = options.cwd && !isAbsolute(path) ? resolve(options.cwd, path) : path;
  const bytes =
    path === '-' ? await readStdin(options.stdin, name) : await readPath(full, name, options.missingHint);
  return { name, text: decodeText(bytes, name) };
}

async function readPath(full: string, path: string, missingHint?: string): Promise<Buffer> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(full);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException)?.code === 'ENOENT';
    throw new UserError(`${path}: ${describeFsError(error)}`, {
      code: missing ? 'file-not-found' : 'read-failed',
      hint: missing ? missingHint : undefined,
    });
  }
  if (info.isDirectory())
    throw new UserError(`${path}: is a directory, not a file`, {
      code: 'not-a-file',
      hint: 'name a YAML or JSON file',
    });
  if (info.size > MAX_INPUT_BYTES) throw tooLarge(path);
  try {
    return await readFile(full);
  } catch (error) {
    throw new UserError(`${path}: ${describeFsError(error)}`, { code: 'read-failed' });
  }
}

async function readStdin(stdin: StdinLike | undefined, name: string): Promise<Buffer> {
  if (stdin === undefined) throw new UserError(`${name}: no standard input to read`, { code: 'read-failed' });
  if (typeof stdin === 'string') return Buffer.from(stdin, 'utf8');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw tooLarge(name);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string): UserError {
  return new UserError(`${name}: larger than the 64 MiB limit for a contract history`, {
    code: 'too-large',
    hint: 'a history of even 100,000 contracts fits in far less; is this the right file?',
  });
}

function decodeText(bytes: Buffer, name: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = bytePosition(bytes, nul);
    throw new UserError([
      {
        file: name,
        ...at,
        code: 'binary',
        message: 'is binary, not a text file (it holds NUL bytes)',
        hint: 'jss reads YAML or JSON text',
      },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = bad === -1 ? {} : bytePosition(bytes, bad);
    throw new UserError([
      {
        file: name,
        ...at,
        code: 'not-utf8',
        message: 'is not valid UTF-8 text',
        hint: 'save the file as UTF-8',
      },
    ]);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (error as Error)?.message ?? String(error);
}
