import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OutputSystem, PIECE_LENGTH, pieces, processOutput } from '../../src/io/output-streams.js';

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** A system whose writes land in `written`, failing on a descriptor as `failures` says. */
function fakeSystem(failures: Record<number, () => number> = {}) {
  const written: Record<number, string> = { 1: '', 2: '' };
  let pauses = 0;
  const system: OutputSystem = {
    write(fd, bytes) {
      const fail = failures[fd];
      if (fail) return fail();
      written[fd] += Buffer.from(bytes).toString('utf8');
      return bytes.length;
    },
    isTTY: (fd) => fd === 2,
    columns: () => 77,
    pause: () => {
      pauses += 1;
    },
  };
  return { system, written, pauses: () => pauses };
}

describe('the process output', () => {
  it('writes each text whole to its descriptor, in order', () => {
    const { system, written } = fakeSystem();
    const out = processOutput(system);
    out.stdout.write('héllo ');
    out.stdout.write('wörld\n');
    out.stderr.write('warning: x\n');
    expect(written).toEqual({ 1: 'héllo wörld\n', 2: 'warning: x\n' });
    expect(out.failed()).toBe(false);
  });

  it('writes a long text a piece at a time, the same bytes as in one write', () => {
    const { system, written } = fakeSystem();
    const sizes: number[] = [];
    const counting: OutputSystem = {
      ...system,
      write(fd, bytes) {
        sizes.push(bytes.length);
        return system.write(fd, bytes);
      },
    };
    // a surrogate pair (😀) across the first piece's end
    const text = `${'a'.repeat(PIECE_LENGTH - 1)}😀${'é'.repeat(PIECE_LENGTH)}`;
    processOutput(counting).stdout.write(text);
    expect(written[1]).toBe(text);
    expect(sizes.length).toBe(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * PIECE_LENGTH);
  });

  it('cuts a text into pieces that join to it, none splitting a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 2, max: 8 }),
        (text, length) => {
          const list = [...pieces(text, length)];
          expect(list.join('')).toBe(text);
          expect(
            Buffer.concat(list.map((p) => Buffer.from(p, 'utf8'))).equals(Buffer.from(text, 'utf8')),
          ).toBe(true);
          for (const p of list) expect(p.length).toBeLessThanOrEqual(length);
        },
      ),
    );
  });

  it('says which descriptor is a terminal, and its width only for a terminal', () => {
    const out = processOutput(fakeSystem().system);
    expect([out.stdout.isTTY, out.stdout.columns]).toEqual([false, undefined]);
    expect([out.stderr.isTTY, out.stderr.columns]).toEqual([true, 77]);
  });

  it('a reader that went away (EPIPE) is not a failure: the rest is dropped, nothing is said', () => {
    let calls = 0;
    const { system, written } = fakeSystem({
      1: () => {
        calls += 1;
        throw errno('EPIPE', 'EPIPE: broken pipe, write');
      },
    });
    const out = processOutput(system);
    out.stdout.write('a');
    out.stdout.write('b');
    expect(calls).toBe(1);
    expect(written[2]).toBe('');
    expect(out.failed()).toBe(false);
  });

  it('any other failed write is said once on stderr, and the run fails', () => {
    const { system, written } = fakeSystem({
      1: () => {
        throw errno('ENOSPC', 'ENOSPC: no space left on device, write');
      },
    });
    const out = processOutput(system);
    out.stdout.write('a');
    out.stdout.write('b');
    expect(written[2]).toBe('jss: cannot write to standard output (ENOSPC: no space left on device)\n');
    expect(out.failed()).toBe(true);
  });

  it('a failed write to stderr fails the run, with nowhere to say it', () => {
    const { system, written } = fakeSystem({
      2: () => {
        throw errno('EIO', 'EIO: i/o error, write');
      },
    });
    const out = processOutput(system);
    out.stderr.write('warning: x\n');
    out.stdout.write('ok\n');
    expect(written[1]).toBe('ok\n');
    expect(out.failed()).toBe(true);
  });

  it('a partial write goes on from where it stopped; a write that would block waits and tries again', () => {
    const chunks: string[] = [];
    let call = 0;
    const { system, pauses } = fakeSystem();
    system.write = (_fd, bytes) => {
      call += 1;
      if (call === 2) throw errno('EAGAIN', 'EAGAIN: resource temporarily unavailable, write');
      const n = Math.min(3, bytes.length);
      chunks.push(Buffer.from(bytes.subarray(0, n)).toString('utf8'));
      return n;
    };
    const out = processOutput(system);
    out.stdout.write('abcdefgh');
    expect(chunks.join('')).toBe('abcdefgh');
    expect(pauses()).toBe(1);
    expect(out.failed()).toBe(false);
  });

  it('a bug is not taken for a failed write', () => {
    const { system } = fakeSystem({
      1: () => {
        throw new TypeError('not a write error');
      },
    });
    expect(() => processOutput(system).stdout.write('a')).toThrow(TypeError);
  });
  it('asks whether a descriptor is a terminal only when that is read, and once', () => {
    const { system } = fakeSystem();
    const asked: number[] = [];
    const out = processOutput({
      ...system,
      isTTY(fd) {
        asked.push(fd);
        return system.isTTY(fd);
      },
    });
    out.stdout.write('x\n');
    expect(asked).toEqual([]);
    expect([out.stderr.isTTY, out.stderr.columns, out.stderr.isTTY]).toEqual([true, 77, true]);
    expect([out.stdout.isTTY, out.stdout.columns]).toEqual([false, undefined]);
    expect(asked).toEqual([2, 1]);
  });
});
