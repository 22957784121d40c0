/** The library grid and the details panel as the specs drive them (a small page object). */
import { expect, type Locator, type Page } from '@playwright/test';

/** The details panel of the selected photo. */
export function details(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Photo details' });
}

/** Selects the photo named in the grid and waits until the details panel shows it. */
export async function openPhoto(page: Page, name: string): Promise<void> {
  await page.getByRole('grid', { name: 'Photos' }).getByRole('gridcell', { name }).click();
  await expect(details(page).getByRole('heading', { name })).toBeVisible();
}
