// The functions given to page.evaluate run in the browser and use its DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDocument } from '../scripts/genre.ts';
import { extract } from '../src/pipeline.ts';
import { renderReviewPage } from '../src/review/index.ts';
import type { PolicyDocument } from '../src/schema/index.ts';
import { root, seedText } from './helpers.ts';
import { hostileText, traditionalText } from './review-documents.ts';

// Debian's Chromium, driven by playwright-core: no browser download. CI installs it in .ci/run
// and must run these tests; elsewhere they are skipped when it is missing.
const executablePath = '/usr/bin/chromium';
const hasBrowser = existsSync(executablePath);
const inCi = process.env.CI === 'true';
const screenshotPath = join(root, 'docs', 'images', 'review.png');

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

test('Debian chromium is at /usr/bin/chromium in CI (.ci/run installs it)', () => {
  if (inCi) expect(hasBrowser, `${executablePath} is missing: .ci/run must run \`apt-get install -y chromium\` before npm ci`).toBe(true);
});

if (!hasBrowser && !inCi) test.skip(`the review page in headless Chromium: skipped, ${executablePath} is missing (apt-get install -y chromium)`, () => {});

const measuresOf = (doc: PolicyDocument) => doc.domains.flatMap((domain) => domain.measures);

interface Opened {
  readonly page: Page;
  /** Every request the page made after its own file, and every page error and CSP violation. */
  readonly requests: string[];
  readonly errors: string[];
}

describe.runIf(hasBrowser)('the review page in headless Chromium', () => {
  let context: BrowserContext;
  let userDataDir: string;
  let pagesDir: string;

  beforeAll(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), 'policy-extract-chromium-'));
    pagesDir = mkdtempSync(join(tmpdir(), 'policy-extract-review-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: flags, viewport: { width: 1400, height: 860 } });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(pagesDir, { recursive: true, force: true });
  });

  async function open(name: string, html: string): Promise<Opened> {
    const file = join(pagesDir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // Runs before the page's own script, outside its CSP: records what the policy refused.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`csp: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests, errors };
  }

  /** True when the element's first box is in the viewport and in its scrolling pane. */
  function inView(page: Page, selector: string): Promise<boolean> {
    return page.$eval(selector, (element) => {
      const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
      const pane = (element.closest('.pane') as Element).getBoundingClientRect();
      const middle = (box.top + box.bottom) / 2;
      return middle > Math.max(pane.top, 0) && middle < Math.min(pane.bottom, window.innerHeight);
    });
  }

  test('the seed: every measure and unit highlighted, a row click shows its measure, a highlight click its row', async () => {
    const doc = extract(seedText, { path: 'seeds/shandong-2023-business-environment.txt' });
    const { page, requests, errors } = await open('seed.html', renderReviewPage([{ doc, text: seedText }]));
    const measures = measuresOf(doc);
    expect(await page.locator('[data-measure]:not([data-field])').count()).toBe(measures.length);
    const units = measures.flatMap((measure) =>
      measure.units.map((unit) => ({ measure: measure.id, role: unit.role, text: seedText.slice(unit.position.start.offset, unit.position.end.offset) })),
    );
    const shown = await page.$$eval('[data-field="unit"]', (elements) =>
      elements.map((element) => ({ measure: element.getAttribute('data-measure'), role: element.getAttribute('data-role'), text: element.textContent })),
    );
    expect(shown).toEqual(units);

    // A measure far down the document: its chunk has not been laid out yet.
    const target = measures[120] as (typeof measures)[number];
    const measureSelector = `.m[data-measure="${target.id}"]`;
    expect(await inView(page, measureSelector)).toBe(false);
    await page.click(`tr[data-row="${target.id}"]`);
    expect(await inView(page, measureSelector)).toBe(true);
    expect(await page.getAttribute(measureSelector, 'class')).toContain('sel');
    expect(await page.getAttribute(`tr[data-row="${target.id}"]`, 'aria-selected')).toBe('true');

    const other = measures[121] as (typeof measures)[number];
    await page.click(`[data-field="unit"][data-measure="${other.id}"]`);
    expect(await page.getAttribute(`tr[data-row="${other.id}"]`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute(measureSelector, 'class')).not.toContain('sel');

    const unit = '省市场监管局';
    await page.selectOption('#unit-filter', unit);
    const withUnit = measures.filter((measure) => [...measure.leadUnits, ...measure.responsibleUnits, ...measure.supportingUnits].includes(unit));
    expect(await page.locator('tr[data-row]:not([hidden])').count()).toBe(withUnit.length);
    await page.selectOption('#unit-filter', '');
    expect(await page.locator('tr[data-row]:not([hidden])').count()).toBe(measures.length);

    expect({ requests, errors }).toEqual({ requests: [], errors: [] });
    await page.close();
  });

  test('a hostile document: no script runs, no element or attribute of its own, every character shown as text', async () => {
    const doc = extract(hostileText, { path: 'hostile.txt' });
    const { page, requests, errors } = await open('hostile.html', renderReviewPage([{ doc, text: hostileText }]));
    await page.hover('[data-field="unit"][data-role="lead"]');
    await page.click('tr[data-row="1.2"]');
    const state = await page.evaluate(() => ({
      pwned: (window as { __pwned?: unknown }).__pwned ?? null,
      elements: document.querySelectorAll('img, svg, iframe, textarea').length,
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      handlers: [...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
      source: (document.querySelector('.src') as HTMLElement).textContent,
      title: document.title,
      bodyShown: getComputedStyle(document.body).display,
    }));
    expect(state).toEqual({
      pwned: null,
      elements: 0,
      scripts: 1,
      styles: 1,
      handlers: [],
      source: expect.stringContaining('</textarea><style>body{display:none}</style>'),
      title: '关于<script>window.__pwned=1</script>推进营商环境建设的实施方案',
      bodyShown: 'block',
    });
    // The page's own script ran (the CSP hash is right): the clicked row is selected.
    expect(await page.getAttribute('tr[data-row="1.2"]', 'aria-selected')).toBe('true');
    const lead = doc.domains[0]?.measures[0]?.leadUnits[0] as string;
    expect(lead).toContain('"onmouseover=');
    await page.selectOption('#unit-filter', lead);
    expect(await page.locator('tr[data-row]:not([hidden])').count()).toBe(1);
    expect(await page.locator('.unit.hit').count()).toBe(1);
    expect({ requests, errors }).toEqual({ requests: [], errors: [] });
    await page.close();
  });

  test('a Traditional document: its own labels, every unit highlighted', async () => {
    const doc = extract(traditionalText, { path: 'taichung.txt' });
    const { page, errors } = await open('traditional.html', renderReviewPage([{ doc, text: traditionalText }]));
    expect(await page.$$eval('.ledger th', (cells) => cells.map((cell) => cell.textContent))).toEqual([
      '序號',
      '任務',
      '牽頭單位',
      '責任單位',
      '完成時限',
      '截止日期',
    ]);
    expect(await page.locator('[data-field="unit"]').count()).toBe(measuresOf(doc).reduce((n, m) => n + m.units.length, 0));
    expect(await page.getAttribute('article.doc', 'lang')).toBe('zh-Hant');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a long document lays out only the chunks in view, and a click on its last row still finds the measure', async () => {
    const generated = generateDocument(7, { measures: 500 });
    const doc = extract(generated.text);
    const { page, errors } = await open('long.html', renderReviewPage([{ doc, text: generated.text }]));
    const visibility = await page.$$eval('.chunk', (chunks) =>
      chunks.map((chunk) => (chunk.firstElementChild ?? chunk).checkVisibility({ contentVisibilityAuto: true })),
    );
    expect(visibility.length).toBeGreaterThan(5);
    expect(visibility[0]).toBe(true);
    expect(visibility.at(-1)).toBe(false);
    const last = measuresOf(doc).at(-1)?.id as string;
    await page.click(`tr[data-row="${last}"]`);
    expect(await inView(page, `.m[data-measure="${last}"]`)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('prints source and ledger one after the other, every chunk laid out', async () => {
    const doc = extract(seedText, { path: 'seeds/shandong-2023-business-environment.txt' });
    const { page } = await open('print.html', renderReviewPage([{ doc, text: seedText }]));
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => ({
      panes: getComputedStyle(document.querySelector('.panes') as Element).display,
      chunk: getComputedStyle(document.querySelector('.chunk') as Element).contentVisibility,
      filters: getComputedStyle(document.querySelector('.filters') as Element).display,
    }));
    expect(layout).toEqual({ panes: 'block', chunk: 'visible', filters: 'none' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  test('saves the screenshot the README shows', async () => {
    const doc = extract(seedText, { path: 'seeds/shandong-2023-business-environment.txt' });
    const { page } = await open('screenshot.html', renderReviewPage([{ doc, text: seedText }]));
    await page.click('tr[data-row="7.2"]');
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Written on request, so that a test run leaves the work tree as it was.
    if (process.env.UPDATE === '1' || !existsSync(screenshotPath)) {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      writeFileSync(screenshotPath, png);
    }
    expect(existsSync(screenshotPath)).toBe(true);
    await page.close();
  });
});
