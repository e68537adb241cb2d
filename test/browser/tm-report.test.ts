/**
 * The HTML report of a translation memory in a real browser (Debian's Chromium through playwright-core): the page
 * lists the units with findings, says how many units were checked, and opens the unit of a finding side by side; a
 * memory with more units with findings than one page shows is written as pages linked to each other, and printed as
 * one page that says where the rest are. How long the page takes to load is printed, never
 * asserted. Skipped when /usr/bin/chromium is missing.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBitext } from '../../src/check.js';
import { HTML_MAX_UNITS, htmlPageCount, htmlPagePaths, renderHtml, renderHtmlPage } from '../../src/report/html.js';
// @ts-expect-error: a plain ES module script without types
import { formatTm, generateTm } from '../../scripts/gen-corpus.mjs';
import { unitsFixture } from '../report/fixtures.js';
import { CHROMIUM, hasChromium, inPage, launchChromium } from './chromium.js';

if (!hasChromium) console.warn(`Skipping the translation-memory report browser test: ${CHROMIUM} not found (apt-get install -y chromium).`);

describe.skipIf(!hasChromium)('HTML report of a translation memory, in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factlint-tm-html-'));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page and says how long it took to load (printed, not asserted). */
  const open = async (file: string) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' });
    const t = Date.now();
    await page.goto(pathToFileURL(file).href);
    console.log(`tm-report: ${file.split('/').pop()} (${(statSync(file).size / 1e6).toFixed(1)} MB) loaded in ${Date.now() - t} ms`);
    return page;
  };

  it('lists the units with findings of a 4,000-unit memory and shows a finding\'s unit side by side', async () => {
    const tm = generateTm({ units: 4000, seed: 5 }) as { planted: { unit: string }[] };
    const po = join(dir, 'tm.po');
    writeFileSync(po, formatTm(tm, 'po') as string);
    const { report, context } = await checkBitext(po, { cwd: dir });
    expect(report.units?.checked).toBe(4000);
    expect(report.stories.length).toBeGreaterThan(0);
    const file = join(dir, 'tm.html');
    writeFileSync(file, renderHtml(report, context));
    const page = await open(file);
    const shown = await inPage<{ header: string; stories: number; findings: number; notice: boolean }>(
      page,
      `return { header: document.querySelector('header .meta').textContent, stories: document.querySelectorAll('section.story').length,
                findings: document.querySelectorAll('[data-finding]').length, notice: document.querySelector('.notice') !== null };`,
    );
    expect(shown.header).toContain(`4000 units checked, ${report.units!.withFindings} with findings`);
    expect(shown.stories).toBe(report.units!.withFindings);
    expect(shown.findings).toBe(report.findings.length);
    expect(shown.notice).toBe(false);
    // A click on the first finding shows its unit, with the differing text marked.
    const first = report.findings[0]!;
    await page.locator('[data-finding]').first().click();
    const marks = await inPage<string[]>(page, `return [...document.querySelectorAll('.pairview:not([hidden]) mark.cur')].map((m) => m.textContent);`);
    expect(marks.join(' ')).toContain(first.locations[1]!.text);
  }, 180_000);

  it(`pages a memory with more than ${HTML_MAX_UNITS} units with findings, and a click on "next" shows the next units`, async () => {
    const n = 2 * HTML_MAX_UNITS + 40;
    const { report: base, ctx } = unitsFixture(n);
    const report = { ...base, units: { file: 'tm.po', checked: 200_000, withFindings: n, withoutFindings: 200_000 - n, warnings: [] } };
    const paths = htmlPagePaths(join(dir, 'many.html'), htmlPageCount(report));
    expect(paths).toHaveLength(3);
    paths.forEach((p, i) => writeFileSync(p, renderHtmlPage(report, ctx, i, paths)));
    const page = await open(paths[0]!);
    const read = () => inPage<{ stories: number; first: string; nav: string }>(page, `return { stories: document.querySelectorAll('section.story').length,
      first: document.querySelector('section.story h2, section.story h3').textContent, nav: document.querySelector('nav.pages p').textContent };`);
    const one = await read();
    expect(one.stories).toBe(HTML_MAX_UNITS);
    expect(one.nav).toContain(`Page 1 of 3: units with findings 1–${HTML_MAX_UNITS} of ${n}`);
    await page.locator('nav.pages a[rel="next"]').click();
    await page.waitForURL(/many-2\.html$/u);
    const two = await read();
    expect(two.stories).toBe(HTML_MAX_UNITS);
    expect(two.nav).toContain(`Page 2 of 3: units with findings ${HTML_MAX_UNITS + 1}–${2 * HTML_MAX_UNITS}`);
    expect(two.first).toContain(`u${String(HTML_MAX_UNITS + 1).padStart(5, '0')}`);
    await page.locator('nav.pages a', { hasText: '3' }).click();
    await page.waitForURL(/many-3\.html$/u);
    expect((await read()).stories).toBe(40);
  }, 180_000);

  it(`printed (one page), shows ${HTML_MAX_UNITS} units of a memory with more, and says where the others are`, async () => {
    const n = HTML_MAX_UNITS + 40;
    const { report, ctx } = unitsFixture(n);
    const file = join(dir, 'one.html');
    writeFileSync(file, renderHtml({ ...report, units: { file: 'tm.po', checked: 200_000, withFindings: n, withoutFindings: 200_000 - n, warnings: [] } }, ctx));
    const page = await open(file);
    const shown = await inPage<{ stories: number; notice: string }>(page, `return { stories: document.querySelectorAll('section.story').length, notice: document.querySelector('.notice').textContent };`);
    expect(shown.stories).toBe(HTML_MAX_UNITS);
    expect(shown.notice).toContain('40 more units with findings (40 findings) are in the JSON, text and SARIF reports');
  }, 180_000);
});
