import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { TEST_PASSWORD } from './sessions';
import { waitFor } from './wait-for';

/** Debian's chromium, or CHROMIUM_BIN; `npm test` installs it when missing. */
const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
/** How Debian's chromium runs headless on a machine with no network beyond loopback. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots are kept as test artifacts. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'reports', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the element shows `expected`, as pages update by themselves. */
export async function expectText(page: Page, testId: string, expected: string): Promise<void> {
  let shown = '';
  await waitFor(
    `${testId} to show ${JSON.stringify(expected)}`,
    async () => {
      shown = await page.getByTestId(testId).innerText();
      return shown === expected ? true : undefined;
    },
    10_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; it shows ${JSON.stringify(shown)}`);
  });
}

/** Signs in through the page's own sign-in form, as a person would; waits for the signed-in page. */
export async function signInThroughPage(
  page: Page,
  url: string,
  username: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.goto(url);
  const form = page.getByTestId('sign-in');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(password);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('signed-in').waitFor();
}
