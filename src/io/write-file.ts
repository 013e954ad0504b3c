import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/** What is at `path` now: nothing, a directory, or something else (a file). */
async function existing(path: string): Promise<'none' | 'directory' | 'file'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'none';
  }
}

/**
 * Writes `text` to `path` atomically (a temporary file beside it, then a rename). Refuses to
 * replace an existing file unless `force` is set. Messages name the file as `name` (the path as
 * the user typed it), else as `path`.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: { force?: boolean; name?: string } = {},
): Promise<void> {
  const name = options.name ?? path;
  const there = await existing(path);
  if (there === 'directory') {
    throw new UserError(`${name}: is a directory`, { hint: 'name a file to write, e.g. contracts.yaml' });
  }
  if (!options.force && there === 'file') {
    throw new UserError(`${name}: already exists; not overwriting it`, {
      hint: 'pass --force to replace it',
    });
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (
      code === 'ENOENT' ||
      code === 'EACCES' ||
      code === 'EPERM' ||
      code === 'EISDIR' ||
      code === 'ENOTDIR'
    ) {
      throw new UserError(
        `${name}: cannot write (${code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'is a directory' : 'permission denied'})`,
      );
    }
    throw error;
  }
}
