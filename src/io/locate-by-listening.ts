import { load as loadYaml } from 'js-yaml';
import { parseYamlFully } from './parse-yaml-fully.js';
import type { ParsedDocument, Place } from './parsed-document.js';
import { type Position, positionsOfOffsets } from './position.js';
import type { Source } from './read-input.js';
import { CORE_12_SCHEMA } from './yaml-core-schema.js';

/**
 * Locating in a file js-yaml has read: js-yaml reads it again with a listener that notes where the
 * wanted values start (one pass, a few times cheaper than the yaml package's document of every
 * node). Positions agree with the yaml package's (test/io/locate.test.ts); should js-yaml refuse
 * the text, the yaml package locates.
 */
export function locatedByListening(source: Source): Pick<ParsedDocument, 'locate' | 'locateAll'> {
  const locateAll = (places: readonly Place[]): (Position | undefined)[] => {
    try {
      return listenForPlaces(source.text, places);
    } catch {
      return parseYamlFully(source).locateAll(places);
    }
  };
  return { locate: (path, key) => locateAll([{ path, key }])[0], locateAll };
}

/** A node on the way to a wanted place, and where the listener saw it start. */
interface Wanted {
  kids: Map<string, Wanted>;
  /** Its children are list items (the path has a number here). */
  list: boolean;
  valueAt?: number;
  keyAt?: number;
}

/** The path from the root to one place, as nodes of the tree of wanted places. */
interface Walk {
  nodes: Wanted[];
  isKey: boolean;
}

function listenForPlaces(text: string, places: readonly Place[]): (Position | undefined)[] {
  const root: Wanted = { kids: new Map(), list: false };
  const walks = places.map((place) => walkTo(root, place));
  const listener = new PlaceListener(root);
  loadYaml(text, {
    schema: CORE_12_SCHEMA,
    json: false,
    listener(event, state) {
      if (event === 'open') listener.open(state.position);
      else listener.close(state.kind, state.result);
    },
  });
  const offsets = walks.map(({ nodes, isKey }) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const at = isKey && i === nodes.length - 1 ? nodes[i].keyAt : nodes[i].valueAt;
      const start = at === undefined ? undefined : startOfNode(text, at);
      if (start !== undefined) return start;
    }
    return undefined;
  });
  return positionsOfOffsets(text, offsets);
}

/** Adds the place's path to the tree of wanted nodes. */
function walkTo(root: Wanted, { path, key }: Place): Walk {
  const nodes: Wanted[] = [root];
  const segments = key === undefined ? path : [...path, key];
  for (const segment of segments) {
    const parent = nodes[nodes.length - 1];
    if (typeof segment === 'number') parent.list = true;
    let kid = parent.kids.get(String(segment));
    if (!kid) {
      kid = { kids: new Map(), list: false };
      parent.kids.set(String(segment), kid);
    }
    nodes.push(kid);
  }
  return { nodes, isKey: key !== undefined };
}

/** A node js-yaml has opened and not yet closed. */
interface Frame {
  wanted?: Wanted;
  openAt: number;
  children: number;
  lastKey?: string;
  /** This node may be a mapping key: where it starts. */
  keyAt?: number;
  /** It opened where its parent did, as its first child: js-yaml may wrap a flow collection so. */
  wrapper?: boolean;
}

/**
 * Follows js-yaml's open and close events down the wanted paths, noting where each wanted value
 * and key starts. A mapping's children alternate key, value; a list's are its items.
 */
class PlaceListener {
  private readonly stack: Frame[] = [{ wanted: undefined, openAt: -1, children: 0 }];
  private started = false;

  constructor(private readonly root: Wanted) {}

  open(position: number): void {
    const parent = this.stack[this.stack.length - 1];
    const frame: Frame = { openAt: position, children: 0 };
    if (!this.started) {
      this.started = true;
      frame.wanted = this.root;
      this.root.valueAt = position;
    } else if (parent.wanted) {
      const k = parent.children++;
      if (parent.wanted.list) {
        frame.wanted = parent.wanted.kids.get(String(k));
        if (frame.wanted) frame.wanted.valueAt = position;
      } else if (k % 2 === 0) {
        frame.keyAt = position;
      } else if (parent.lastKey !== undefined) {
        frame.wanted = parent.wanted.kids.get(parent.lastKey);
        if (frame.wanted) frame.wanted.valueAt = position;
      }
      // Either a first key or a wrapped collection: it stands for its parent until it closes.
      if (k === 0 && position === parent.openAt && frame.wanted === undefined) {
        frame.wrapper = true;
        frame.wanted = parent.wanted;
      }
    }
    this.stack.push(frame);
  }

  close(kind: string | null, result: unknown): void {
    const frame = this.stack.pop();
    const owner = this.stack[this.stack.length - 1];
    if (frame === undefined || owner === undefined) return;
    if (frame.wrapper && kind !== 'scalar') {
      owner.children = 0; // it was the parent itself, not a child
    } else if (frame.keyAt !== undefined && owner.wanted) {
      owner.lastKey = kind === 'scalar' ? String(result) : undefined;
      const kid = owner.lastKey === undefined ? undefined : owner.wanted.kids.get(owner.lastKey);
      if (kid) kid.keyAt = frame.keyAt;
    }
  }
}

/** js-yaml notes a node before the space, line ends and comments that precede it. */
function startOfNode(text: string, offset: number): number | undefined {
  let i = offset;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end + 1;
    } else return i < text.length ? i : undefined; // nothing but space and comments: an empty node
  }
}
