import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * Every relative link and `#anchor` in the README, CONTRIBUTING.md and docs/*.md resolves: the
 * file exists, and the anchor is the slug GitHub gives one of the target's headings. Links to
 * other sites are not followed (no network in tests).
 */

/** GitHub's heading anchor (github-slugger): lower case, punctuation and symbols dropped, spaces to `-`. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*]/g, ''); // code and emphasis marks
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The lines of a Markdown file outside fenced code blocks, with their line numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((line, i) => {
    const marker = /^\s*(```|~~~)/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1];
      else if (marker[1] === fence) fence = null;
      return;
    }
    if (fence === null) out.push({ line: i + 1, text: line });
  });
  return out;
}

/** The anchors of a Markdown file's headings, numbered as GitHub numbers repeated ones. */
function anchorsOf(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text: line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = githubSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

interface Link {
  file: string;
  line: number;
  target: string;
}

/** Inline links and images, outside code blocks and code spans. */
function linksIn(file: string): Link[] {
  const links: Link[] = [];
  for (const { line, text } of proseLines(readFileSync(join(repoRoot, file), 'utf8'))) {
    const prose = text.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g))
      links.push({ file, line, target: m[1] });
  }
  return links;
}

const docFiles = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const links = docFiles.flatMap(linksIn);
const local = links.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target));

/** Where a link leads: the file (relative to the repository) and the anchor, if any. */
function resolve(link: Link): { path: string; anchor: string | null } {
  const hash = link.target.indexOf('#');
  const pathPart = hash < 0 ? link.target : link.target.slice(0, hash);
  const anchor = hash < 0 ? null : decodeURIComponent(link.target.slice(hash + 1));
  const path =
    pathPart === '' ? link.file : normalize(join(dirname(link.file), decodeURIComponent(pathPart)));
  return { path, anchor };
}

describe('links in the README, CONTRIBUTING.md and docs', () => {
  it('has links to check', () => {
    expect(local.length).toBeGreaterThan(30);
  });

  it.each(local.map((l) => [`${l.file}:${l.line} ${l.target}`, l] as const))('%s resolves', (_name, link) => {
    const { path, anchor } = resolve(link);
    expect(path.startsWith('..'), `${path} is outside the repository`).toBe(false);
    expect(existsSync(join(repoRoot, path)), `${path} does not exist`).toBe(true);
    if (anchor !== null) {
      expect(path.endsWith('.md'), `an anchor into ${path}, which is not Markdown`).toBe(true);
      const anchors = anchorsOf(readFileSync(join(repoRoot, path), 'utf8'));
      expect([...anchors], `#${anchor} is no heading of ${path}`).toContain(anchor);
    }
  });

  it('reach every page of docs/ from the README, directly or through another page', () => {
    const reached = new Set(['README.md']);
    const queue = ['README.md'];
    for (const file of queue) {
      for (const link of local.filter((l) => l.file === file)) {
        const { path } = resolve(link);
        if (path.endsWith('.md') && !reached.has(path) && docFiles.includes(path)) {
          reached.add(path);
          queue.push(path);
        }
      }
    }
    expect(docFiles.filter((f) => !reached.has(f))).toEqual([]);
  });
});

describe('the README', () => {
  it('stays a page for a user deciding and starting (under 12 kB); the reference lives in docs/', () => {
    expect(readFileSync(join(repoRoot, 'README.md')).length).toBeLessThan(12 * 1024);
  });

  it('starts with the two commands a newcomer runs first', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(
      '```sh\nnpm install && npx jss estimate examples/forum-case.yaml\nnpm test\n```',
    );
  });
});

describe('GitHub anchors', () => {
  it('are made as GitHub makes them', () => {
    expect(githubSlug('Getting your own history in: `jss import`')).toBe(
      'getting-your-own-history-in-jss-import',
    );
    expect(githubSlug("Upwork's CSV exports")).toBe('upworks-csv-exports');
    expect(githubSlug('`--merge HISTORY`')).toBe('--merge-history');
    expect(githubSlug('Why did it drop when every review is 5★?')).toBe(
      'why-did-it-drop-when-every-review-is-5',
    );
    expect(githubSlug('`jss plan`: what it takes')).toBe('jss-plan-what-it-takes');
    expect(githubSlug('The model: what counts, how much, for how long')).toBe(
      'the-model-what-counts-how-much-for-how-long',
    );
    expect(githubSlug('snake_case and [a link](x.md)')).toBe('snake_case-and-a-link');
  });

  it('number repeated headings, and ignore headings inside code blocks', () => {
    const text = ['# A', '## B', '```yaml', '# not a heading', '```', '## B', '### B'].join('\n');
    expect([...anchorsOf(text)]).toEqual(['a', 'b', 'b-1', 'b-2']);
  });

  it('find a broken anchor', () => {
    expect(anchorsOf('## What it reads\n').has('what-it-read')).toBe(false);
  });
});
