import type { Position } from './position.js';
import type { Source } from './read-input.js';

/** A parsed YAML or JSON document that can say where each value sits in the text. */
export interface ParsedDocument {
  source: Source;
  data: unknown;
  /**
   * Where the value at `path` starts (or, with `key`, where that key of the object at `path`
   * starts); falls back to the nearest ancestor that exists.
   */
  locate(path: readonly PropertyKey[], key?: string): Position | undefined;
  /** `locate` for many places at once: one pass over a large file instead of one per place. */
  locateAll(places: readonly Place[]): (Position | undefined)[];
}

/** A place to locate: the value at `path`, or with `key` that key of the object at `path`. */
export interface Place {
  path: readonly PropertyKey[];
  key?: string;
}
