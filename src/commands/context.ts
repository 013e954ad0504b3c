import type { StdinLike } from '../io/read-input.js';
import type { Style } from '../render/style.js';

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

/** Options shared by the reporting commands (commander's camelCase names). */
export interface CommonOptions {
  rules?: string;
  asOf?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
  failUnder?: number;
}

export interface CommandContext {
  io: CliIO;
  /** Decorations for stdout. */
  style: Style;
  /** Decorations for stderr (warnings): coloured only when stderr itself is a terminal. */
  errStyle: Style;
}
