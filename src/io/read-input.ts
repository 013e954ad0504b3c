import { isUtf8 } from 'node:buffer';
import { createReadStream, readFileSync, type Stats, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { bytePosition, firstInvalidUtf8 } from './byte-position.js';
import { errorCode, errorMessage } from './system-error.js';

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
  /** What the file should hold, for hints: 'YAML or JSON' (default) or 'CSV'. */
  format?: string;
}

/** Reads `path` (or stdin for `-`): refuses directories, huge files, binary and non-UTF-8 input. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<Source> {
  const name = path === '-' ? '<stdin>' : path;
  const full = options.cwd && !isAbsolute(path) ? resolve(options.cwd, path) : path;
  const bytes =
    path === '-' ? await readStdin(options.stdin, name) : await readPath(full, name, options.missingHint);
  return { name, text: decodeText(bytes, name, options.format ?? 'YAML or JSON') };
}

const problem = (file: string, code: string, message: string, hint?: string) =>
  new UserError([{ file, code, message, hint }]);

/**
 * A file is read synchronously (nothing else runs meanwhile, and `node:fs/promises` would cost a
 * short run more to load than the read itself); a device or FIFO is streamed.
 */
async function readPath(full: string, path: string, missingHint?: string): Promise<Buffer> {
  let info: Stats;
  try {
    info = statSync(full);
  } catch (error) {
    const missing = errorCode(error) === 'ENOENT';
    throw problem(
      path,
      missing ? 'file-not-found' : 'read-failed',
      describeFsError(error),
      missing ? missingHint : undefined,
    );
  }
  if (info.isDirectory())
    throw problem(path, 'not-a-file', 'is a directory, not a file', 'name a YAML or JSON file');
  if (info.size > MAX_INPUT_BYTES) throw tooLarge(path);
  try {
    // A regular file's size is known; a device, a FIFO or a /proc file says 0: count while reading.
    return info.isFile() && info.size > 0
      ? readFileSync(full)
      : await readLimited(createReadStream(full), path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw problem(path, 'read-failed', describeFsError(error));
  }
}

/** Reads a stream to its end, refusing it as soon as it passes the size limit. */
async function readLimited(
  stream: AsyncIterable<Buffer | string> & { destroy?: () => void },
  name: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buf.length;
    if (size > MAX_INPUT_BYTES) {
      stream.destroy?.();
      throw tooLarge(name);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readStdin(stdin: StdinLike | undefined, name: string): Promise<Buffer> {
  if (stdin === undefined) throw problem(name, 'read-failed', 'no standard input to read');
  if (typeof stdin === 'string') return Buffer.from(stdin, 'utf8');
  return readLimited(stdin, name);
}

function tooLarge(name: string): UserError {
  return problem(
    name,
    'too-large',
    'larger than the 64 MiB limit for an input file',
    'a history of even 100,000 contracts fits in far less; is this the right file?',
  );
}

/** UTF-16 or UTF-32 text, by its byte order mark or, without one, by the NUL bytes beside ASCII. */
function wideEncoding(bytes: Buffer): string | undefined {
  const b = (i: number) => bytes[i];
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0 && b(3) === 0) return 'UTF-32 (little-endian)';
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return 'UTF-32 (big-endian)';
  if (b(0) === 0xff && b(1) === 0xfe) return 'UTF-16 (little-endian)';
  if (b(0) === 0xfe && b(1) === 0xff) return 'UTF-16 (big-endian)';
  if (bytes.length >= 4) {
    if (b(0) !== 0 && b(1) === 0 && b(2) === 0 && b(3) === 0) return 'UTF-32 (little-endian)';
    if (b(0) === 0 && b(1) === 0 && b(2) === 0 && b(3) !== 0) return 'UTF-32 (big-endian)';
    if (b(0) !== 0 && b(1) === 0 && b(2) !== 0 && b(3) === 0) return 'UTF-16 (little-endian)';
    if (b(0) === 0 && b(1) !== 0 && b(2) === 0 && b(3) !== 0) return 'UTF-16 (big-endian)';
  }
  return undefined;
}

function decodeText(bytes: Buffer, name: string, format: string): string {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) {
    throw new UserError([
      {
        file: name,
        code: 'not-utf8',
        message: `is ${wide} text; jss reads UTF-8`,
        hint: `save it as UTF-8 (in most editors: Save as, Encoding: UTF-8), or convert it: iconv -f ${wide.slice(0, 6)} -t UTF-8 FILE > FILE-utf8`,
      },
    ]);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const at = bytePosition(bytes, nul);
    throw new UserError([
      {
        file: name,
        ...at,
        code: 'binary',
        message: 'is binary, not a text file (it holds NUL bytes)',
        hint: `jss reads ${format} text`,
      },
    ]);
  }
  // isUtf8 rejects what a fatal TextDecoder rejects, and costs a short run nothing to set up.
  if (!isUtf8(bytes)) {
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
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return errorMessage(error);
}
