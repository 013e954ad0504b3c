import type { StdinLike } from '../io/read-input.js';
import type { Style } from '../render/style.js';
import { DEFAULT_WIDTH } from '../render/table.js';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: StdinLike;
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
}

export interface CommandContext {
  io: CliIO;
  /** Decorations for stdout. */
  style: Style;
  /** Decorations for stderr (warnings): coloured only when stderr itself is a terminal. */
  errStyle: Style;
  /** The widest a line of human output may be (outputWidth). */
  width: number;
}

/**
 * The width human output fits: the terminal's columns when stdout is a terminal, else `COLUMNS`
 * when it is set to a whole number, else 100. Never under 20, where nothing readable fits.
 */
export function outputWidth(io: Pick<CliIO, 'stdout' | 'env'>): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  const env = io.env.COLUMNS;
  const width =
    columns !== undefined && columns > 0
      ? columns
      : env !== undefined && /^\d+$/.test(env.trim()) && Number(env) > 0
        ? Number(env)
        : DEFAULT_WIDTH;
  return Math.max(20, width);
}
