import { Chalk } from 'chalk';

/** Text decorations for human output; every function is the identity when colour is off. */
export interface Style {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  accent(text: string): string;
}

export interface ColorContext {
  isTTY?: boolean;
  env: Record<string, string | undefined>;
  /** false after `--no-color` */
  color?: boolean;
  json?: boolean;
}

/** The one place that decides whether output is coloured (chalk 5 ignores NO_COLOR itself). */
export function colorEnabled(ctx: ColorContext): boolean {
  if (ctx.json || ctx.color === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.TERM === 'dumb') return false;
  return ctx.isTTY === true;
}

export function createStyle(enabled: boolean): Style {
  const c = new Chalk({ level: enabled ? 1 : 0 });
  return {
    enabled,
    bold: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    good: (t) => c.green(t),
    bad: (t) => c.red(t),
    warn: (t) => c.yellow(t),
    accent: (t) => c.cyan(t),
  };
}

export const plainStyle: Style = createStyle(false);
