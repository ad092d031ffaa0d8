import type { Page } from 'playwright-core';

export const WAIT_MS = 15_000;

/** The text of the element `selector` (trimmed; '' when absent). */
export const textOf = (page: Page, selector: string): Promise<string> =>
  page.evaluate((selector) => document.querySelector(selector)?.textContent?.trim() ?? '', selector);

/** Waits until the element `selector` shows `expected` (a string, or a pattern); fails with what it showed. */
export async function showing(page: Page, selector: string, expected: string | RegExp, ms = WAIT_MS): Promise<void> {
  const pattern = typeof expected === 'string' ? `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : expected.source;
  try {
    await page.waitForFunction(
      ({ selector, pattern }) => new RegExp(pattern).test(document.querySelector(selector)?.textContent?.trim() ?? ''),
      { selector, pattern },
      { timeout: ms, polling: 20 },
    );
  } catch {
    throw new Error(`${selector} did not show ${String(expected)} within ${ms} ms: it shows "${await textOf(page, selector)}"`);
  }
}

/** The texts of the elements `selector` (a list's items), in document order. */
export const textsOf = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate((selector) => Array.from(document.querySelectorAll(selector), (element) => element.textContent?.trim() ?? ''), selector);

/** Collects the errors the page throws or logs, to assert there were none. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}
