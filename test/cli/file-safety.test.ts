import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingFiles, removePendingFiles, withFileLock } from '../../src/io/write-file.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/import', name);
const tempDir = () => mkdtempSync(join(tmpdir(), 'jss-files-'));

/** A history imported from the 13-column fixture, ready to merge the later export into. */
async function history(dir: string, name = 'contracts.yaml'): Promise<string> {
  const r = await runCli(['import', fixture('transactions-13.csv'), '-o', name], { cwd: dir });
  expect(r.code).toBe(0);
  return readFileSync(join(dir, name), 'utf8');
}

const merge = (dir: string, path = 'contracts.yaml') =>
  runCli(['import', fixture('transactions-later.csv'), '--merge', path], { cwd: dir });

describe('files jss writes', () => {
  it('merging through a symlinked history updates its target and keeps the link', async () => {
    const dir = tempDir();
    const before = await history(dir, 'real.yaml');
    symlinkSync('real.yaml', join(dir, 'contracts.yaml'));
    const r = await merge(dir);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'contracts.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'contracts.yaml'))).toBe('real.yaml');
    expect(readFileSync(join(dir, 'real.yaml'), 'utf8')).not.toBe(before);
    expect(readFileSync(join(dir, 'contracts.yaml.bak'), 'utf8')).toBe(before);
  });

  it('never writes through a .bak that is a symlink: the link is replaced by the copy', async () => {
    const dir = tempDir();
    const before = await history(dir);
    writeFileSync(join(dir, 'unrelated.txt'), 'keep me\n');
    symlinkSync('unrelated.txt', join(dir, 'contracts.yaml.bak'));
    expect((await merge(dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'unrelated.txt'), 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(dir, 'contracts.yaml.bak')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'contracts.yaml.bak'), 'utf8')).toBe(before);
  });

  it('keeps the mode of a merged history and of its .bak (a private file stays private)', async () => {
    const dir = tempDir();
    await history(dir);
    chmodSync(join(dir, 'contracts.yaml'), 0o600);
    expect((await merge(dir)).code).toBe(0);
    expect(statSync(join(dir, 'contracts.yaml')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'contracts.yaml.bak')).mode & 0o777).toBe(0o600);
    // and leaves no temporary or lock file behind
    expect(readdirSync(dir).sort()).toEqual(['contracts.yaml', 'contracts.yaml.bak']);
  });

  it('keeps the owner of a merged history where the system allows it (as root: any owner)', async () => {
    const dir = tempDir();
    await history(dir);
    const path = join(dir, 'contracts.yaml');
    const root = process.getuid?.() === 0;
    if (root) chownSync(path, 1234, 2345);
    const before = statSync(path);
    expect((await merge(dir)).code).toBe(0);
    const after = statSync(path);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    if (root) expect([after.uid, after.gid]).toEqual([1234, 2345]);
  });

  it('refuses --merge or -o on a path that is not a regular file (a device, a directory), before reading anything', async () => {
    const dir = tempDir();
    const stdinLink = await runCli(['import', fixture('transactions-13.csv'), '--merge', '/dev/null']);
    expect(stdinLink.code).toBe(2);
    expect(stdinLink.stderr).toBe(
      '--merge /dev/null: is a device, not a regular file; jss writes only regular files\n  hint: name a file to write, e.g. contracts.yaml\n',
    );
    expect(existsSync('/dev/null.bak')).toBe(false);
    const device = await runCli(['import', fixture('transactions-13.csv'), '-o', '/dev/null', '--force']);
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('-o /dev/null: is a device, not a regular file');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const folder = await runCli(['import', fixture('transactions-13.csv'), '-o', dir, '--force']);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a directory, not a regular file');
    symlinkSync('/dev/null', join(dir, 'link'));
    const viaLink = await runCli(['init', 'link', '--force'], { cwd: dir });
    expect(viaLink.code).toBe(2);
    expect(viaLink.stderr).toContain('link: is a device, not a regular file');
  });

  it('init refuses a dangling symlink without --force, and with --force creates the file it points to', async () => {
    const dir = tempDir();
    symlinkSync('elsewhere.yaml', join(dir, 'contracts.yaml'));
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'contracts.yaml: is a symlink to a file that does not exist; not writing through it\n' +
        '  hint: pass --force to create the file it points to, or name another path\n',
    );
    expect(existsSync(join(dir, 'elsewhere.yaml'))).toBe(false);
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(join(dir, 'contracts.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere.yaml'), 'utf8')).toContain('contracts:');
  });

  it('a failed write is a message and exit 2, with nothing left behind', async () => {
    const dir = tempDir();
    const r = await runCli(['init', 'no-such-folder/contracts.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('no-such-folder/contracts.yaml: cannot write (no such folder)\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the merge lock', () => {
  it('a second merge waits, then says another merge is running; the history is left alone', async () => {
    const dir = tempDir();
    const before = await history(dir);
    // A live process (this one) holds the lock.
    writeFileSync(join(dir, 'contracts.yaml.lock'), `${process.pid}\n`);
    const r = await merge(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'contracts.yaml: another `jss import --merge` is changing this file (its lock file contracts.yaml.lock exists)\n' +
        '  hint: wait for it to finish and run again; if none is running, delete contracts.yaml.lock\n',
    );
    expect(readFileSync(join(dir, 'contracts.yaml'), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'contracts.yaml.bak'))).toBe(false);
  });

  it('a lock left by a process that is gone is taken over, and removed afterwards', async () => {
    const dir = tempDir();
    await history(dir);
    writeFileSync(join(dir, 'contracts.yaml.lock'), '999999999\n');
    expect((await merge(dir)).code).toBe(0);
    expect(existsSync(join(dir, 'contracts.yaml.lock'))).toBe(false);
  });

  it('is held while the work runs, registered for removal on a signal, and removed after a failure too', async () => {
    const dir = tempDir();
    const path = join(dir, 'h.yaml');
    writeFileSync(path, 'x');
    await expect(
      withFileLock(path, 'h.yaml', async () => {
        expect(existsSync(`${path}.lock`)).toBe(true);
        expect(pendingFiles()).toContain(`${path}.lock`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(pendingFiles()).toEqual([]);
  });

  it('on a signal, pending files (temporaries, locks) are removed', async () => {
    const dir = tempDir();
    const path = join(dir, 'h.yaml');
    writeFileSync(path, 'x');
    await withFileLock(path, 'h.yaml', async () => {
      removePendingFiles(); // what the SIGINT/SIGTERM handler does first
      expect(existsSync(`${path}.lock`)).toBe(false);
    });
  });
});
