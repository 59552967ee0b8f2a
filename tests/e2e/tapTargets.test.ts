/**
 * Issue 13: every tap target is at least 44 × 44 CSS px on a phone (390×844) — language buttons, nav links,
 * "Mengapa perkiraan?", map zoom buttons, markers and the staff list included. Measured on the built page with
 * getBoundingClientRect, beside axe's target-size rule (tests/helpers/axe.ts raises it to 44 px).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, startServer, type RunningServer } from '../helpers/browser.js';
import { MIN_TARGET_PX } from '../helpers/axe.js';

const PASSWORD = 'target-sentuh-44-piksel';

interface Small {
  what: string;
  width: number;
  height: number;
}

/**
 * Interactive elements on screen smaller than MIN_TARGET_PX in either direction. Links inside running text are
 * WCAG 2.5.5's "inline" exception; a checkbox or radio counts by its whole label, which is what a thumb hits.
 */
async function smallTargets(page: Page): Promise<Small[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], .leaflet-marker-icon.leaflet-interactive';
    const out: { what: string; width: number; height: number }[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right < 0 || box.left > window.innerWidth) continue; // off-screen (the skip link until focused)
      if (el.tagName === 'A') {
        const block = el.closest('p, li, dd, td, figcaption, .leaflet-control-attribution');
        const text = block?.textContent?.trim() ?? '';
        if (block && text.length > (el.textContent?.trim().length ?? 0) + 1 && getComputedStyle(el).display === 'inline') continue;
      }
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const label = el.closest('label') ?? (el.id ? document.querySelector<HTMLElement>(`label[for="${el.id}"]`) : null);
        if (label) box = label.getBoundingClientRect();
      }
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().slice(0, 40);
        out.push({ what: `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${name}"`, width: Math.round(box.width), height: Math.round(box.height) });
      }
    }
    return out;
  }, MIN_TARGET_PX);
}

describe('tap targets on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await server.services.auth.createUser({ email: 'admin-tap@test.jangkau.id', password: PASSWORD, role: 'admin' });
    page = await phonePage(browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('are at least 44 px on the finder with a village picked, its map, markers and "Mengapa perkiraan?"', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByRole('combobox').first().fill('Bunutin');
    await page.getByRole('option').first().click();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await page.locator('.leaflet-control-zoom-in').waitFor();
    expect(await smallTargets(page)).toEqual([]);
  });

  it('are at least 44 px on every staff page after login, nav and language buttons included', async () => {
    await page.goto(`${server.url}/#/staff`);
    await page.getByLabel('Email').fill('admin-tap@test.jangkau.id');
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.locator('.point-row').first().waitFor();
    expect(await smallTargets(page)).toEqual([]);
    for (const path of ['/planner', '/coverage', '/impact']) {
      await page.goto(`${server.url}/#${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, small: await smallTargets(page) }).toEqual({ path, small: [] });
    }
  });
});
