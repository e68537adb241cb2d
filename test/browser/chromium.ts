/** Debian's Chromium for the browser tests (installed by .ci/run with apt-get; never a Playwright download). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless, no sandbox (CI runs as root), and none of the background traffic this closed network refuses. */
export const launchChromium = (): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
