import type { Page } from 'playwright-core';

/**
 * Visible controls inside `scope` smaller than 44×44 CSS px (the project's tap-target rule), as short descriptions.
 * A radio or checkbox counts by its label when the label wraps it (the label is what a thumb hits). Inline links
 * inside running text are left out (WCAG 2.5.8 exempts them).
 */
export async function smallTapTargets(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).first().evaluate((root) => {
    const out: string[] = [];
    const controls = root.querySelectorAll<HTMLElement>('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"]');
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || el.closest('.visually-hidden')) continue;
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) target = el.closest('label') ?? el;
      if (el.tagName === 'A' && el.closest('p, li, td, .leaflet-control-attribution') && !el.classList.contains('btn')) continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 44 || r.height < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  });
}
