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

/**
 * The one place that decides whether output is coloured (chalk 5 ignores NO_COLOR itself):
 * never with --json, --no-color or NO_COLOR; then FORCE_COLOR (any value but 0 or false) turns it
 * on even off a terminal, FORCE_COLOR=0 off; else only on a terminal that is not TERM=dumb.
 */
export function colorEnabled(ctx: ColorContext): boolean {
  if (ctx.json || ctx.color === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (ctx.env.TERM === 'dumb') return false;
  return ctx.isTTY === true;
}

const identity = (text: string): string => text;

/** No decoration at all: what every non-TTY, NO_COLOR or --json run gets, without loading chalk. */
export const plainStyle: Style = {
  enabled: false,
  bold: identity,
  dim: identity,
  good: identity,
  bad: identity,
  warn: identity,
  accent: identity,
};

/** The style for a run; chalk is loaded only when colour is actually on (it costs start-up time). */
export async function createStyle(enabled: boolean): Promise<Style> {
  if (!enabled) return plainStyle;
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
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
