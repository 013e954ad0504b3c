import { fstatSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OutStream } from '../commands/context.js';

/**
 * The process's standard output and error, written with `fs.writeSync` on file descriptors 1 and 2.
 * `process.stdout` and `process.stderr` are not touched: making those stream objects loads Node's
 * stream and network modules, a good part of a short run's time.
 */

/** What the writer needs of the system (the real one below; tests give their own). */
export interface OutputSystem {
  /** Writes some bytes to `fd`, returning how many were written; throws as `fs.writeSync` does. */
  write(fd: number, bytes: Uint8Array): number;
  /** Whether `fd` is a terminal. */
  isTTY(fd: number): boolean;
  /** A terminal's width in columns. */
  columns(fd: number): number | undefined;
  /** Waits a moment before a write that would block is tried again. */
  pause(): void;
}

export interface ProcessOutput {
  stdout: OutStream;
  stderr: OutStream;
  /** True once a write failed in a way other than the reader going away: the run exits 2. */
  failed(): boolean;
}

const NAMES = { 1: 'standard output', 2: 'standard error' };

/**
 * Standard output and error. A reader that stops early (`jss ... | head`: EPIPE) is not an error:
 * what follows is dropped. Any other failed write (`> /dev/full`: ENOSPC) is said on stderr once,
 * that stream is dropped from then on, and `failed()` is true, so the run exits 2 whatever the
 * command returned.
 */
export function processOutput(system: OutputSystem = nodeOutputSystem()): ProcessOutput {
  let failed = false;
  const closed = new Set<number>();
  const fail = (fd: 1 | 2, error: NodeJS.ErrnoException) => {
    closed.add(fd);
    if (error.code === 'EPIPE' || failed) return;
    failed = true;
    if (fd === 2) return; // nowhere left to say it
    stderr.write(`jss: cannot write to ${NAMES[fd]} (${error.message.replace(/, \w+$/, '')})\n`);
  };
  // A long piece is encoded into one buffer, made once and used again: no garbage per piece.
  let buffer: Uint8Array | undefined;
  const encoder = new TextEncoder();
  const encode = (piece: string): Uint8Array => {
    if (piece.length < SHORT) return Buffer.from(piece, 'utf8');
    buffer ??= new Uint8Array(3 * PIECE_LENGTH); // UTF-8 needs at most 3 bytes per UTF-16 unit
    return buffer.subarray(0, encoder.encodeInto(piece, buffer).written);
  };
  const stream = (fd: 1 | 2): OutStream => {
    // Asked on first use, then kept: a run with NO_COLOR or --json may never ask of stderr.
    let tty: { isTTY: boolean; columns: number | undefined } | undefined;
    const terminal = () => {
      if (tty === undefined) {
        const isTTY = system.isTTY(fd);
        tty = { isTTY, columns: isTTY ? system.columns(fd) : undefined };
      }
      return tty;
    };
    return {
      get isTTY() {
        return terminal().isTTY;
      },
      get columns() {
        return terminal().columns;
      },
      write(text: string) {
        if (closed.has(fd)) return;
        try {
          for (const piece of pieces(text)) writeAll(system, fd, encode(piece));
        } catch (error) {
          if (!isErrnoException(error)) throw error;
          fail(fd, error);
        }
      },
    };
  };
  const stderr = stream(2);
  return { stdout: stream(1), stderr, failed: () => failed };
}

/** How many UTF-16 units of a text are encoded and written at a time. */
export const PIECE_LENGTH = 1 << 18;
/** Pieces shorter than this are encoded into a buffer of their own (Node pools small ones). */
const SHORT = 1 << 12;

/**
 * A text in pieces of at most PIECE_LENGTH units, none ending inside a surrogate pair: a long
 * text is encoded and written a piece at a time, never into one buffer as large as itself.
 */
export function* pieces(text: string, length = PIECE_LENGTH): Generator<string> {
  let from = 0;
  while (text.length - from > length) {
    let to = from + length;
    const last = text.charCodeAt(to - 1);
    if (last >= 0xd800 && last <= 0xdbff && to - 1 > from) to--; // a high surrogate: its pair goes with the next piece
    yield text.slice(from, to);
    from = to;
  }
  yield from === 0 ? text : text.slice(from);
}

function writeAll(system: OutputSystem, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += system.write(fd, bytes.subarray(offset));
    } catch (error) {
      // A descriptor another process left non-blocking: wait for the reader, then go on.
      if (!isErrnoException(error) || error.code !== 'EAGAIN') throw error;
      system.pause();
    }
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * The real system. Whether a descriptor is a terminal is first asked of `fstat`: a pipe, a file or
 * /dev/null is not one, and only for another character device is the `tty` module loaded. A
 * terminal's width is Node's own (a person is waiting there, not a script).
 */
export function nodeOutputSystem(): OutputSystem {
  return {
    write: (fd, bytes) => writeSync(fd, bytes),
    isTTY(fd) {
      if (!isCharacterDevice(fd) || isDevNull(fd)) return false;
      const tty: typeof import('node:tty') = createRequire(import.meta.url)('node:tty');
      return tty.isatty(fd);
    },
    columns: (fd) => (fd === 1 ? process.stdout : process.stderr).columns,
    pause: () => Atomics.wait(pauseCell, 0, 0, 1),
  };
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** True when `fd` is /dev/null (false where there is none to compare with). */
function isDevNull(fd: number): boolean {
  try {
    return fstatSync(fd).rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
