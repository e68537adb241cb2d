/** Debian's Chromium for the browser tests (installed by .ci/run with apt-get; never a Playwright download). */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless, no sandbox (CI runs as root), and none of the background traffic this closed network refuses. */
export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Runs a function body in the page (plain JS: the project's TypeScript has no DOM types) and returns its result. */
export const inPage = <T>(page: Page, body: string): Promise<T> => page.evaluate<T>(`(async () => { ${body} })()`);

/** Milliseconds from running `action` in the page to the next frame (so style and layout are included). */
export const timed = (page: Page, action: string): Promise<number> =>
  inPage<number>(
    page,
    `const t = performance.now();
     ${action}
     await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
     return performance.now() - t;`,
  );
