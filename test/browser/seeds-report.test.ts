/**
 * The HTML report of the real seeds folder in a real browser (Debian's Chromium through playwright-core), as an
 * editor uses it: the misspelled name is listed, selecting it (mouse or keyboard) shows both sentences side by
 * side, filters hide what they should, and a screenshot is left in reports/ for a person to look at.
 * Skipped when /usr/bin/chromium is missing (install it with `apt-get install -y chromium`).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { CHROMIUM, hasChromium, inPage, launchChromium, timed } from './chromium.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import type { Report } from '../../src/model/report.js';
import { renderHtml } from '../../src/report/html.js';

if (!hasChromium) console.warn(`Skipping the seeds report browser test: ${CHROMIUM} not found (apt-get install -y chromium).`);

const REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));
const VIEWPORT = { width: 1440, height: 1000 };

describe.skipIf(!hasChromium)('seeds HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let report: Report;
  let file: string;
  let checkMs: number;
  let renderMs: number;

  // The first check() in a worker loads rules and language packs: a few seconds alone, ~10 s beside another worker.
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'factlint-seeds-html-'));
    let t = performance.now();
    const result = await check(['seeds']);
    checkMs = performance.now() - t;
    report = result.report;
    t = performance.now();
    const html = renderHtml(report, result.context);
    renderMs = performance.now() - t;
    file = path.join(dir, 'seeds.html');
    writeFileSync(file, html);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The highlighted sentences of the visible side-by-side view, per column, read in one go. */
  const highlighted = (page: Page) =>
    inPage<{ a: string[]; b: string[]; rows: number; boxes: { x: number; y: number; width: number; height: number }[] }>(
      page,
      `const view = document.querySelectorAll('.pairview:not([hidden])');
       if (view.length !== 1) return { a: [], b: [], rows: 0, boxes: [] };
       const col = (side) => [...view[0].querySelectorAll('td.' + side + ' [data-sentence].hl')];
       const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
       const all = [...col('a'), ...col('b')];
       return { a: col('a').map((e) => e.textContent), b: col('b').map((e) => e.textContent),
         rows: new Set(all.map((e) => e.closest('tr'))).size, boxes: all.map(box) };`,
    );

  /** Both sentences of the Vocord/Vocalord finding are highlighted, one per column, on one row, on screen. */
  async function expectVocordSideBySide(page: Page, item: Locator): Promise<void> {
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.pairview:not([hidden])').count()).toBe(1);
    await expect.poll(() => page.locator('.pairview:not([hidden]) [data-sentence].hl').count()).toBeGreaterThanOrEqual(2);
    const { a, b, rows, boxes } = await highlighted(page);
    expect(a.some((t) => t.includes('Vocord'))).toBe(true);
    expect(b.some((t) => t.includes('Vocalord'))).toBe(true);
    expect(a.some((t) => t.includes('Vocalord'))).toBe(false);
    expect(rows).toBe(1); // aligned: one table row
    const [left, right] = [boxes[0], boxes[a.length]];
    if (!left || !right || left.height === 0 || right.height === 0) throw new Error('highlighted sentences are not displayed');
    expect(right.x).toBeGreaterThan(left.x + left.width - 1); // Vietnamese column right of the English one
    expect(left.y).toBeGreaterThanOrEqual(0); // scrolled into view
    expect(left.y).toBeLessThan(VIEWPORT.height);
    expect(await page.locator('.pairview:not([hidden]) mark.cur').allTextContents()).toEqual(['Vocord', 'Vocalord']);
  }

  /** Every finding is displayed exactly when it is not hidden, and the count line says how many are shown. */
  async function expectShown(page: Page, n: number): Promise<void> {
    const total = report.findings.length;
    await expect.poll(() => page.locator('#visible-count').textContent()).toBe(`Showing ${n} of ${total} findings`);
    const state = await inPage<{ hidden: boolean; displayed: boolean }[]>(
      page,
      `return [...document.querySelectorAll('[data-finding]')].map((el) => ({
         hidden: el.hidden, displayed: getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0 }));`,
    );
    expect(state).toHaveLength(total);
    expect(state.filter((s) => !s.hidden)).toHaveLength(n);
    for (const s of state) expect(s.displayed).toBe(!s.hidden);
  }

  it('lists the misspelled name, shows it side by side, filters, and leaves a screenshot', async () => {
    const page = await browser.newPage({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    try {
      const t0 = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const wallMs = performance.now() - t0;
      // Headless Chromium sometimes records first-contentful-paint a little after load: wait for it (up to 2 s).
      const nav = await inPage<{ dcl: number; fcp: number; load: number }>(
        page,
        `const n = performance.getEntriesByType('navigation')[0];
         const fcp = await new Promise((resolve) => {
           const seen = () => performance.getEntriesByName('first-contentful-paint')[0];
           if (seen()) return resolve(seen().startTime);
           const po = new PerformanceObserver(() => { if (seen()) { po.disconnect(); resolve(seen().startTime); } });
           po.observe({ type: 'paint', buffered: true });
           setTimeout(() => { po.disconnect(); resolve(-1); }, 2000);
         });
         return { dcl: n ? n.domContentLoadedEventEnd : -1, fcp, load: n ? n.loadEventEnd : -1 };`,
      );

      const total = report.findings.length;
      expect(await page.locator('[data-finding]').count()).toBe(total);
      await expectShown(page, total);

      // The misspelled name: a finding that quotes both spellings. The event finding on "for the rights"/"rót" quotes
      // the same two sentences, so the name finding is the entity mismatch among them.
      const both = page.locator('[data-finding]', { hasText: 'Vocord' }).filter({ hasText: 'Vocalord' });
      expect(await both.count()).toBeGreaterThanOrEqual(1);
      const vocord = both.and(page.locator('[data-cat="entity-mismatch"]'));
      expect(await vocord.count()).toBe(1);
      expect(await vocord.isVisible()).toBe(true);

      // Mouse.
      await vocord.click();
      await expectVocordSideBySide(page, vocord);

      // Keyboard: select another finding first, so Enter really has something to change.
      await page.locator('[data-finding]').filter({ hasNotText: 'Vocalord' }).first().click();
      expect(await vocord.getAttribute('aria-pressed')).toBe('false');
      await vocord.focus();
      await page.keyboard.press('Enter');
      await expectVocordSideBySide(page, vocord);

      // Severity: hide warnings.
      const warnings = report.summary.bySeverity.warning;
      expect(warnings).toBeGreaterThan(0);
      const severityMs = await timed(page, `document.querySelector('input[name="sev"][value="warning"]').click();`);
      await expectShown(page, total - warnings);
      expect(await vocord.isVisible()).toBe(true); // an error stays

      // Category, on top of severity: hide entity mismatches too, and the Vocord finding goes.
      const entityErrors = report.findings.filter((f) => f.category === 'entity-mismatch' && f.severity !== 'warning').length;
      expect(entityErrors).toBeGreaterThan(0);
      await page.locator('input[name="cat"][value="entity-mismatch"]').uncheck();
      await expectShown(page, total - warnings - entityErrors);
      expect(await vocord.isVisible()).toBe(false);
      await page.locator('button[type="reset"]').click();
      await expectShown(page, total);

      // Source pair: only findings whose sources all lie in the English/Vietnamese pair (single-source ones included).
      const ids = report.sources.map((s) => s.id);
      const en = ids.findIndex((id) => id.includes('000_'));
      const vi = ids.findIndex((id) => id.includes('002_'));
      const pairKey = `${Math.min(en, vi)}-${Math.max(en, vi)}`;
      const inPair = report.findings.filter((f) => f.locations.every((l) => l.source === ids[en] || l.source === ids[vi])).length;
      expect(inPair).toBeLessThan(total);
      const pairMs = await timed(
        page,
        `const sel = document.querySelector('select[name="pair"]');
         sel.value = ${JSON.stringify(pairKey)};
         sel.dispatchEvent(new Event('change', { bubbles: true }));`,
      );
      expect(await page.locator('select[name="pair"]').inputValue()).toBe(pairKey);
      await expectShown(page, inPair);
      await page.locator('select[name="pair"]').selectOption('');
      await expectShown(page, total);

      // Search: the name finding and the event finding on the same sentences quote "Vocalord".
      const q = 'vocalord';
      const quoting = report.findings.filter((f) =>
        [f.message, ...f.context.map((c) => c.text), ...f.locations.map((l) => l.text)].join('\n').toLowerCase().includes(q),
      ).length;
      expect(quoting).toBeGreaterThanOrEqual(1);
      await page.locator('input[name="q"]').fill(q);
      await expectShown(page, quoting);
      expect(await vocord.isVisible()).toBe(true);
      await page.locator('button[type="reset"]').click();
      await expectShown(page, total);

      // The screenshot shows the editor's view: the misspelling selected, both sentences side by side.
      await vocord.click();
      await expectVocordSideBySide(page, vocord);
      mkdirSync(REPORTS, { recursive: true });
      await page.screenshot({ path: path.join(REPORTS, 'seeds-screenshot.png') });

      console.log(
        `seeds report (${total} findings, ${report.sources.length} sources): check ${checkMs.toFixed(0)} ms, renderHtml ${renderMs.toFixed(0)} ms; ` +
          `in Chromium: first contentful paint ${nav.fcp >= 0 ? `${nav.fcp.toFixed(0)} ms` : 'not reported'}, DOMContentLoaded ${nav.dcl.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms (wall ${wallMs.toFixed(0)} ms); ` +
          `severity filter ${severityMs.toFixed(1)} ms, source-pair filter ${pairMs.toFixed(1)} ms`,
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);
});
