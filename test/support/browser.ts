/**
 * Launches the system Chromium for browser tests (playwright-core ships no browser of its own).
 * When Chromium is not installed, tests are skipped with a message naming the install command.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_INSTALL = 'apt-get install -y chromium';

/** True when the browser tests can run on this machine. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Why the browser tests are skipped, or '' when they are not. */
export const chromiumSkipReason = hasChromium ? '' : `skipped: ${CHROMIUM_PATH} not found; install it with \`${CHROMIUM_INSTALL}\``;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts headless Chromium with no network chatter of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
