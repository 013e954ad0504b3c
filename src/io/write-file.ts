/**
 * Writing files safely: every file `jss` writes goes through here. A write never replaces anything
 * but a regular file (or the file a symlink points at), never leaves a half-written file or a
 * temporary behind (not even on Ctrl-C), keeps the mode and owner of the file it replaces, and turns
 * every failure into a message (exit 2).
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync, rmSync, type Stats, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { errorCode, errorMessage } from './system-error.js';

/** Files to delete if the process is interrupted (temporaries, our lock files). */
const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Deletes every pending file; what a signal does before the process ends. */
export function removePendingFiles(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePendingFiles();
  stopWatchingSignals();
  // Die of the same signal, as if we had not caught it (the shell then reports it as usual).
  process.kill(process.pid, signal);
}

function watchSignals(): void {
  if (pending.size === 0) {
    for (const s of SIGNALS) process.on(s, onSignal);
    process.on('exit', removePendingFiles);
  }
}

function stopWatchingSignals(): void {
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off('exit', removePendingFiles);
}

function track(path: string): void {
  watchSignals();
  pending.add(path);
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0) stopWatchingSignals();
}

/** The paths currently registered for removal on a signal (for tests). */
export function pendingFiles(): string[] {
  return [...pending];
}

function describeWriteError(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
      return 'no such folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EXDEV':
      return 'the file and its folder are on different devices';
    default:
      return code ?? errorMessage(error);
  }
}

/** A failed write as the user's problem: a message naming the file, exit 2. */
export function writeError(name: string, error: unknown, what = 'cannot write'): UserError {
  if (error instanceof UserError) return error;
  return new UserError([
    { file: name, code: 'write-failed', message: `${what} (${describeWriteError(error)})` },
  ]);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** What a write to `path` would replace: the real path to write, and what is there now. */
/**
 * node:fs/promises, loaded on the first write: it takes a short run a few milliseconds to load
 * (with the readline and watcher modules it pulls in), and most runs write no file.
 */
function fsPromises(): typeof import('node:fs/promises') {
  return createRequire(import.meta.url)('node:fs/promises');
}

export interface WriteTarget {
  /** The path to write: `path` itself, or the file a symlink at `path` points to. */
  path: string;
  /** The file there now, or undefined when there is none. */
  existing?: Stats;
  /** `path` is a symlink whose target does not exist. */
  dangling: boolean;
}

/**
 * Where a write to `path` lands. A symlink is followed to its target (the target is updated, the
 * link stays); anything there that is not a regular file is refused.
 */
export async function writeTarget(path: string, name = path): Promise<WriteTarget> {
  const { lstat, readlink, realpath, stat } = fsPromises();
  let link: Stats;
  try {
    link = await lstat(path);
  } catch {
    return { path, dangling: false };
  }
  if (!link.isSymbolicLink()) {
    if (!link.isFile()) throw notRegular(name, link);
    return { path, existing: link, dangling: false };
  }
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    // A dangling link: the file to create is where it points.
    return { path: resolve(dirname(path), await readlink(path)), dangling: true };
  }
  if (!info.isFile()) throw notRegular(name, info);
  return { path: await realpath(path), existing: info, dangling: false };
}

function notRegular(name: string, info: Stats): UserError {
  return new UserError(
    [
      {
        file: name,
        code: 'not-a-regular-file',
        message: `is ${kindOf(info)}, not a regular file; jss writes only regular files`,
        hint: 'name a file to write, e.g. contracts.yaml',
      },
    ],
    {},
  );
}

/**
 * Writes `text` to `path` atomically (a temporary file beside it, then a rename). Refuses to
 * replace an existing file (or to create one through a dangling symlink) unless `force` is set;
 * a symlink is followed and its target replaced. The new file keeps the mode (and, where allowed,
 * the owner) of the file it replaces. Messages name the file as `name` (the path as the user typed
 * it), else as `path`.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: { force?: boolean; name?: string } = {},
): Promise<void> {
  const name = options.name ?? path;
  const target = await writeTarget(path, name);
  if (!options.force && target.existing) {
    throw new UserError([
      {
        file: name,
        code: 'file-exists',
        message: 'already exists; not overwriting it',
        hint: 'pass --force to replace it',
      },
    ]);
  }
  if (!options.force && target.dangling) {
    throw new UserError([
      {
        file: name,
        code: 'file-exists',
        message: 'is a symlink to a file that does not exist; not writing through it',
        hint: 'pass --force to create the file it points to, or name another path',
      },
    ]);
  }
  await replaceFile(target.path, text, target.existing, name);
}

/** Writes a temporary file beside `path` with `text` and the mode/owner of `like`, then renames it over `path`. */
async function replaceFile(
  path: string,
  text: string | Buffer,
  like: Stats | undefined,
  name: string,
): Promise<void> {
  const { open, rename, rm } = fsPromises();
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  track(temp);
  try {
    const file = await open(temp, 'wx', like ? like.mode & 0o7777 : 0o666);
    try {
      if (like) {
        await file.chmod(like.mode & 0o7777);
        await file.chown(like.uid, like.gid).catch(() => undefined); // only root may give a file away
      }
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(name, error);
  } finally {
    untrack(temp);
  }
}

/**
 * Copies `from` (a regular file, or a symlink to one) to `backup` atomically, with the same mode.
 * A `backup` that is a symlink is replaced by the copy, never written through; anything else there
 * that is not a regular file is refused.
 */
export async function writeBackup(from: string, backup: string, name = backup): Promise<void> {
  const { lstat, readFile, stat } = fsPromises();
  try {
    const there = await lstat(backup);
    if (!there.isFile() && !there.isSymbolicLink()) throw notRegular(name, there);
  } catch (error) {
    if (error instanceof UserError) throw error;
  }
  let content: Buffer;
  let info: Stats;
  try {
    [content, info] = await Promise.all([readFile(from), stat(from)]);
  } catch (error) {
    throw writeError(name, error, 'cannot make the backup copy');
  }
  await replaceFile(backup, content, info, name);
}

/** How long a second run waits for a lock before giving up, and how often it looks. */
export const LOCK_WAIT_MS = 2000;
const LOCK_POLL_MS = 50;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Takes the lock file exclusively; false when another process holds it. A lock whose process is gone is taken over. */
async function tryLock(lock: string, name: string): Promise<boolean> {
  const { open, readFile, rm } = fsPromises();
  try {
    const file = await open(lock, 'wx', 0o644);
    track(lock);
    await file.writeFile(`${process.pid}\n`);
    await file.close();
    return true;
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw writeError(name, error, 'cannot create the lock file');
  }
  const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(pid) && pid > 0 && !processAlive(pid)) {
    await rm(lock, { force: true });
    return tryLock(lock, name);
  }
  return false;
}

/**
 * Runs `work` while holding `PATH.lock` beside the real file `path` (created exclusively, removed
 * afterwards and on signals), so two read-modify-write runs on one file cannot lose each other's
 * edits. A second run waits up to `waitMs`, then refuses.
 */
export async function withFileLock<T>(
  path: string,
  name: string,
  work: () => Promise<T>,
  waitMs = LOCK_WAIT_MS,
): Promise<T> {
  const { realpath } = fsPromises();
  const real = await realpath(path).catch(() => path);
  const lock = `${real}.lock`;
  const lockName = `${name}.lock`;
  for (let waited = 0; !(await tryLock(lock, lockName)); waited += LOCK_POLL_MS) {
    if (waited >= waitMs) {
      throw new UserError([
        {
          file: name,
          code: 'locked',
          message: `another \`jss import --merge\` is changing this file (its lock file ${lockName} exists)`,
          hint: `wait for it to finish and run again; if none is running, delete ${lockName}`,
        },
      ]);
    }
    await new Promise((done) => setTimeout(done, LOCK_POLL_MS));
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
    untrack(lock);
  }
}

/** Refuses a path that exists and is not a regular file or a symlink to one (synchronous, for argument checks). */
export function checkWritablePath(path: string, name = path): void {
  let info: Stats;
  try {
    info = lstatSync(path);
    if (info.isSymbolicLink()) info = statSync(realpathSync(path));
  } catch {
    return;
  }
  if (!info.isFile()) throw notRegular(name, info);
}
