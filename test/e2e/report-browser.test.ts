import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBin } from '../helpers/run-cli.js';

/**
 * Every example's report in a real browser: Debian's headless Chromium, driven by playwright-core.
 * `.ci/run` installs Chromium when it is missing; outside CI the test is skipped with a note on how
 * to install it. `JSS_SAVE_SCREENSHOT=1` also saves the README's screenshot (docs/report.png).
 */

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const examples = readdirSync(join(repoRoot, 'examples')).filter((f) => /\.ya?ml$/.test(f));
const work = mkdtempSync(join(tmpdir(), 'jss-report-browser-'));
let context: BrowserContext | undefined;

function needChromium(skip: (note: string) => void): BrowserContext {
  if (context) return context;
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`);
  skip(`${CHROMIUM} is missing; install it with: sudo apt-get update && sudo apt-get install -y chromium`);
  throw new Error('unreachable');
}

beforeAll(async () => {
  if (!available) return;
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1100, height: 1250 },
    colorScheme: 'light',
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('jss report in a real browser', () => {
  it('finds the examples', () => {
    expect(examples).toContain('freelancer.yaml');
  });

  for (const example of examples) {
    it(`examples/${example}: no console error, no request leaves the page, the chart has a size`, async (ctx) => {
      const browser = needChromium((note) => ctx.skip(note));
      const out = join(work, `${example}.html`);
      const made = await runBin(['report', `examples/${example}`, '-o', out]);
      expect(made.code).toBe(0);
      const url = pathToFileURL(out).href;

      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      // Anything but the page itself is refused (and recorded above).
      await page.route('**/*', (route) =>
        route.request().url() === url ? route.continue() : route.abort('blockedbyclient'),
      );
      await page.goto(url, { waitUntil: 'load' });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const box = await page.locator('svg.timeline').boundingBox();
        expect(box?.width).toBeGreaterThan(500);
        expect(box?.height).toBeGreaterThan(150);
        const shot = await page.screenshot({ fullPage: true });
        expect(shot.length).toBeGreaterThan(10_000);
        writeFileSync(join(work, `${example}.${scheme}.png`), shot);
      }
      // The page follows the reader's preference: the background changes with the scheme.
      const background = () => page.evaluate('getComputedStyle(document.documentElement).backgroundColor');
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await background();
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await background()).not.toBe(dark);
      // Printing works and keeps every section.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'screen' });

      if (example === 'freelancer.yaml' && process.env.JSS_SAVE_SCREENSHOT) {
        mkdirSync(join(repoRoot, 'docs'), { recursive: true });
        await page.screenshot({ path: join(repoRoot, 'docs/report.png') });
      }
      await page.close();
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    }, 60_000);
  }

  it('a page that tried to load something would be caught (the check is live)', async (ctx) => {
    const browser = needChromium((note) => ctx.skip(note));
    const out = join(work, 'leaky.html');
    writeFileSync(out, '<!DOCTYPE html><html><body><img src="https://example.com/x.png"></body></html>');
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(out).href) requests.push(r.url());
    });
    await page.route('**/*', (route) =>
      route.request().url() === pathToFileURL(out).href ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.goto(pathToFileURL(out).href);
    await page.close();
    expect(requests).toEqual(['https://example.com/x.png']);
  }, 60_000);
});
