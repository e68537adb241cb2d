/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): selecting a finding highlights its
 * sentences side by side, filters work, hostile sources run nothing, and 2,000 findings stay responsive.
 * Skipped when /usr/bin/chromium is missing (install it with `apt-get install -y chromium`).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inPage, launchChromium, timed } from './chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Built } from '../report/fixtures.js';
import { EN, RU, VI, fixture, hostileFixture, largeFixture } from '../report/fixtures.js';
import { renderHtml } from '../../src/report/html.js';

if (!hasChromium) console.warn(`Skipping browser tests: ${CHROMIUM} not found (apt-get install -y chromium).`);

const REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'factlint-html-'));
    browser = await launchChromium();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the report to a file and opens it; collects dialogs, console errors and page errors. */
  async function open(name: string, built: Built): Promise<{ page: Page; problems: string[]; url: string }> {
    const file = path.join(dir, `${name}.html`);
    writeFileSync(file, renderHtml(built.report, built.ctx));
    // Reduced motion makes the report scroll instantly, so positions read in the test are not mid-animation.
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    return { page, problems, url };
  }

  const visibleCount = (page: Page) => page.locator('[data-finding]:not([hidden])').count();

  it('selects a finding, highlights both sentences side by side, and filters', async () => {
    const { page, problems } = await open('fixture', fixture());
    try {
      const findings = page.locator('[data-finding]');
      expect(await findings.count()).toBe(7);

      // Find the finding by its text, as a test on a real report would.
      const vocord = page.locator('[data-finding]', { hasText: 'Vocalord' }).first();
      await vocord.click();
      expect(await vocord.getAttribute('aria-pressed')).toBe('true');
      const view = page.locator('.pairview:not([hidden])');
      expect(await view.count()).toBe(1);
      const en = view.locator(`[data-sentence="${EN}#1"]`);
      const vi = view.locator(`[data-sentence="${VI}#1"]`);
      await expect.poll(() => en.getAttribute('class')).toContain('hl');
      expect(await vi.getAttribute('class')).toContain('hl');
      expect(await view.locator('p.s.hl').count()).toBe(2);
      // Both boxes read in one go, so a scroll cannot come between them.
      const [a, b] = await inPage<{ x: number; y: number; width: number; height: number }[]>(
        page,
        `return [${JSON.stringify(`${EN}#1`)}, ${JSON.stringify(`${VI}#1`)}].map((id) => {
          const r = document.querySelector('.pairview:not([hidden]) [data-sentence="' + CSS.escape(id) + '"]').getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        });`,
      );
      if (!a || !b || a.height === 0 || b.height === 0) throw new Error('highlighted sentences are not displayed');
      expect(b.x).toBeGreaterThan(a.x + a.width - 1); // vi column right of the en column
      expect(Math.abs(a.y - b.y)).toBeLessThan(40); // same row
      expect(a.y).toBeGreaterThanOrEqual(0); // scrolled into view
      expect(a.y + a.height).toBeLessThanOrEqual(1000);
      expect(await view.locator('mark.cur').allTextContents()).toEqual(['Vocord', 'Vocalord']);

      // Keyboard: Enter on the date finding switches the story to the en/ru pair.
      const date = page.locator('[data-finding]', { hasText: 'октябре' }).first();
      await date.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('.pairview:not([hidden])').getAttribute('data-pair')).toBe('0-2');
      expect(await page.locator(`.pairview:not([hidden]) [data-sentence="${RU}#2"]`).getAttribute('class')).toContain('hl');
      expect(await page.locator(`.pairview:not([hidden]) [data-sentence="${EN}#1"]`).getAttribute('class')).not.toContain('hl');
      expect(await page.locator('select.pairsel').inputValue()).toBe('0-2');

      // Filters: severity, category, source pair, search.
      await page.locator('input[name="sev"][value="error"]').uncheck();
      expect(await visibleCount(page)).toBe(5);
      await expect.poll(() => page.locator('#visible-count').textContent()).toBe('Showing 5 of 7 findings');
      await page.locator('input[name="cat"][value="omission"]').uncheck();
      expect(await visibleCount(page)).toBe(4);
      await page.locator('button[type="reset"]').click();
      await expect.poll(() => visibleCount(page)).toBe(7);
      await page.locator('select[name="pair"]').selectOption('0-2');
      expect(await visibleCount(page)).toBe(3); // en/ru date + two en-only findings
      await page.locator('select[name="pair"]').selectOption('');
      await page.locator('input[name="q"]').fill('vocalord');
      await expect.poll(() => visibleCount(page)).toBe(1);
      await page.locator('button[type="reset"]').click();
      await expect.poll(() => visibleCount(page)).toBe(7);

      // A matrix cell jumps to its finding.
      await page.locator('.matrix button[data-goto="0"]').first().click();
      expect(await vocord.getAttribute('aria-pressed')).toBe('true');

      await vocord.click();
      mkdirSync(REPORTS, { recursive: true });
      await page.screenshot({ path: path.join(REPORTS, 'screenshot-fixture.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('runs nothing from a source made of injection attempts', async () => {
    const { page, problems } = await open('hostile', hostileFixture());
    try {
      const items = page.locator('[data-finding]');
      const n = await items.count();
      expect(n).toBe(10);
      for (let i = 0; i < n; i++) await items.nth(i).click();
      await page.locator('input[name="q"]').fill('<img src=x onerror=alert(1)>');
      await expect.poll(() => page.locator('#visible-count').textContent()).toMatch(/^Showing \d+ of 10 findings$/u);
      await page.waitForTimeout(200);
      const injected = await inPage<{ img: boolean; imgs: number; handlers: number; iframes: number; scripts: number; styles: number; links: number; bodyShown: boolean; text: string }>(
        page,
        `return {
          img: document.querySelector('img[src=x]') !== null,
          imgs: document.querySelectorAll('img').length,
          handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
          iframes: document.querySelectorAll('iframe').length,
          scripts: document.scripts.length,
          styles: document.querySelectorAll('style').length,
          links: document.querySelectorAll('a[href^="javascript"]').length,
          bodyShown: getComputedStyle(document.body).display !== 'none',
          text: document.body.textContent || '',
        };`,
      );
      expect(injected).toMatchObject({ img: false, imgs: 0, handlers: 0, iframes: 0, scripts: 1, styles: 1, links: 0, bodyShown: true });
      expect(injected.text).toContain('<img src=x onerror=alert(1)>');
      expect(injected.text).toContain('</script><script>alert(1)</script>');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  it('stays responsive with 2,000 findings', async () => {
    const built = largeFixture(2000);
    const file = path.join(dir, 'large.html');
    writeFileSync(file, renderHtml(built.report, built.ctx));
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    try {
      const t0 = Date.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const wall = Date.now() - t0;
      const nav = await inPage<{ dcl: number; load: number; fcp: number }>(
        page,
        `const n = performance.getEntriesByType('navigation')[0];
         const paint = performance.getEntriesByName('first-contentful-paint')[0];
         return { dcl: n ? n.domContentLoadedEventEnd : -1, load: n ? n.loadEventEnd : -1, fcp: paint ? paint.startTime : -1 };`,
      );
      expect(await page.locator('[data-finding]').count()).toBe(2000);

      // Filter: uncheck "warning" and wait for the next frame, so style and layout are included.
      const filterMs = await timed(page, `document.querySelector('input[name="sev"][value="warning"]').click();`);
      const shown = await page.locator('[data-finding]:not([hidden])').count();
      expect(shown).toBe(2000 - built.report.summary.bySeverity.warning);

      const searchMs = await timed(
        page,
        `const form = document.getElementById('filters');
         form.elements.namedItem('q').value = 'name42 ';
         form.dispatchEvent(new Event('change'));`,
      );

      const selectMs = await timed(page, `document.querySelector('[data-finding="1999"]').click();`);
      expect(await page.locator('[data-sentence="big/en.txt#1999"]').getAttribute('class')).toContain('hl');

      console.log(
        `2,000 findings: DOMContentLoaded ${nav.dcl.toFixed(0)} ms, first contentful paint ${nav.fcp.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms ` +
          `(wall ${wall} ms); severity filter ${filterMs.toFixed(0)} ms; first text search ${searchMs.toFixed(0)} ms; select ${selectMs.toFixed(0)} ms`,
      );
      expect(nav.dcl).toBeLessThan(10_000);
      expect(filterMs).toBeLessThan(10_000);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);
});
