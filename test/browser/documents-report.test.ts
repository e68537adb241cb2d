/**
 * The HTML report of issue #15's scenario (a Word draft against two saved web pages) in a real browser (Debian's
 * Chromium through playwright-core): the side-by-side view shows the text extracted from the .docx and the pages,
 * the changed figure highlighted in both, none of the pages' boilerplate, and nothing is loaded from the network.
 * A screenshot is left in reports/ for a person to look at. Skipped when /usr/bin/chromium is missing.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, isUnder } from '../../src/check.js';
import { summarize } from '../../src/model/report.js';
import { renderHtml } from '../../src/report/html.js';
import { BOILERPLATE, PLANTS, workspace } from '../fixtures/documents/scenario.js';
import { CHROMIUM, hasChromium, inPage, launchChromium } from './chromium.js';

if (!hasChromium) console.warn(`Skipping the documents report browser test: ${CHROMIUM} not found (apt-get install -y chromium).`);

const REPORTS = fileURLToPath(new URL('../../reports/', import.meta.url));

describe.skipIf(!hasChromium)('HTML report of a Word draft against saved pages, in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await workspace();
    // As `factlint check draft.docx --against pages/` runs it: the pages are the originals, findings involve the draft.
    const { report, context } = await check([join(dir, 'draft.docx'), join(dir, 'pages')], { cwd: dir, load: { cwd: dir }, originals: [join(dir, 'pages')] });
    const findings = report.findings.filter((f) => f.locations.some((l) => isUnder(l.source, ['draft.docx'], dir)));
    file = join(dir, 'draft.html');
    writeFileSync(file, renderHtml({ ...report, findings, summary: summarize(findings) }, context));
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the extracted texts side by side with the changed figure highlighted, and no boilerplate', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' });
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(file).href);
    const finding = page.locator('[data-finding]', { hasText: PLANTS.figure.draft }).filter({ hasText: PLANTS.figure.en }).first();
    await finding.click();
    const view = await inPage<{ a: string[]; b: string[]; all: string; marks: string[] }>(
      page,
      `const v = document.querySelector('.pairview:not([hidden])');
       const col = (side) => [...v.querySelectorAll('td.' + side + ' [data-sentence].hl')].map((e) => e.textContent);
       return { a: col('a'), b: col('b'), all: v.textContent, marks: [...v.querySelectorAll('mark.cur')].map((m) => m.textContent) };`,
    );
    const sentences = [...view.a, ...view.b];
    expect(sentences.some((s) => s.includes(`About ${PLANTS.figure.en} people`))).toBe(true);
    expect(sentences.some((s) => s.includes(`About ${PLANTS.figure.draft} people`))).toBe(true);
    expect(view.marks.join(' ')).toContain(PLANTS.figure.draft);
    // The rest of both texts is there, as extracted: the headline and the draft's other paragraphs.
    expect(view.all).toContain('Norvik Logistics to build $2.4 billion container terminal in Stavanger');
    expect(view.all).toContain('talks with two Asian shipping lines');
    for (const b of [...BOILERPLATE, 'Company statement', '2,000 figure']) expect(view.all).not.toContain(b);
    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: join(REPORTS, 'documents-report.png') });
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
