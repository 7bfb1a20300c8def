import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Serious or critical axe findings on the page as it is now. */
export async function seriousAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** No serious axe finding in the light theme or the dark one (contrast included); ends in light. */
export async function expectAxeCleanLightAndDark(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousAxe(page), `${where} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The page itself never scrolls sideways at the current width (wide tables scroll in their own box). */
export async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scroll, inner } = await page.evaluate(async () => {
    // One frame, so layout has caught up with a new width.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth };
  });
  expect(scroll, `${where} is ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}
