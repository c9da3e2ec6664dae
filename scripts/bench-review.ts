// The functions given to page.evaluate run in the browser and use its DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `npm run bench:review`: the review page of a 10 MB document (the seed's domains repeated) in
 * Debian's headless Chromium.
 *
 * - extract() and renderReviewPage() times, and the page's size;
 * - in the browser: load (navigation start to the load event), first contentful paint, and how
 *   long the page takes to answer a click on the last ledger row (its measure scrolled into
 *   view and marked) and a change of the unit filter;
 * - the same page with lazy layout turned off (every chunk `content-visibility: visible`), to
 *   show what the chunks save.
 *
 * Figures print as they come; nothing is asserted (the test suite holds no timings).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { extract } from '../src/pipeline.ts';
import { renderReviewPage } from '../src/review/index.ts';

const executablePath = '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`bench:review: ${executablePath} is missing; apt-get install -y chromium`);
  process.exit(1);
}

const MB = 1_000_000;
const targetBytes = 10 * MB;

// The seed's domains over and over under its one title: a compendium of real-looking measures
// (the genre generator makes few, very long measures at this size).
const seed = readFileSync(join(import.meta.dirname, '..', 'seeds', 'shandong-2023-business-environment.txt'), 'utf8');
const body = seed.slice(seed.indexOf('配套措施'));
const text = seed + body.repeat(Math.ceil((targetBytes - Buffer.byteLength(seed)) / Buffer.byteLength(body)));

let start = performance.now();
const doc = extract(text);
const extractMs = performance.now() - start;
start = performance.now();
const html = renderReviewPage([{ doc, text }]);
const renderMs = performance.now() - start;
const measureIds = doc.domains.flatMap((domain) => domain.measures.map((measure) => measure.id));
console.log(
  `document: ${(Buffer.byteLength(text) / MB).toFixed(1)} MB, ${text.length} characters, ${measureIds.length} measures; extract ${extractMs.toFixed(0)} ms, render ${renderMs.toFixed(0)} ms, page ${(Buffer.byteLength(html) / MB).toFixed(1)} MB`,
);

const dir = mkdtempSync(join(tmpdir(), 'policy-extract-bench-review-'));
const file = join(dir, 'review.html');
writeFileSync(file, html);
const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function run(lazy: boolean): Promise<void> {
  const context = await chromium.launchPersistentContext(join(dir, lazy ? 'profile-lazy' : 'profile-eager'), {
    executablePath,
    headless: true,
    args: flags,
    viewport: { width: 1400, height: 860 },
    // Only the eager run needs a style of its own on the page.
    bypassCSP: !lazy,
  });
  const page = await context.newPage();
  if (!lazy)
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () =>
        document.head.insertAdjacentHTML('beforeend', '<style>.chunk,.rows{content-visibility:visible!important}</style>'),
      ),
    );
  const wall = performance.now();
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 600_000 });
  const wallMs = performance.now() - wall;
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      load: navigation.loadEventEnd,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      paint: paint?.startTime ?? null,
    };
  });
  const last = measureIds.at(-1) as string;
  const click = await page.evaluate(async (id) => {
    const began = performance.now();
    (document.querySelector(`tr[data-row="${id}"]`) as HTMLElement).click();
    const measure = document.querySelector(`.m[data-measure="${id}"]`) as HTMLElement;
    measure.getBoundingClientRect();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return { ms: performance.now() - began, selected: measure.classList.contains('sel') };
  }, last);
  const filter = await page.evaluate(async () => {
    const select = document.getElementById('unit-filter') as HTMLSelectElement;
    const began = performance.now();
    select.value = (select.options[1] as HTMLOptionElement).value;
    select.dispatchEvent(new Event('change'));
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    return performance.now() - began;
  });
  console.log(
    `${lazy ? 'lazy ' : 'eager'}: load ${timing.load.toFixed(0)} ms (DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, first paint ${timing.paint?.toFixed(0) ?? 'n/a'} ms, wall ${wallMs.toFixed(0)} ms); click on the last row ${click.ms.toFixed(0)} ms (selected: ${click.selected}); unit filter ${filter.toFixed(0)} ms`,
  );
  await context.close();
}

await run(true);
await run(false);
rmSync(dir, { recursive: true, force: true });
