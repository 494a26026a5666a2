import type { Page } from "playwright-core";

/**
 * Follows one of the staff's pages from the app header, as a person would on this screen: the
 * inline "Hoofdmenu" links on a laptop (from 1024 px), the header's "Menu" button below that.
 */
export async function openFromHeader(page: Page, name: string): Promise<void> {
  const inline = page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name });
  if (await inline.isVisible()) {
    await inline.click();
    return;
  }
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await page.getByRole("menu").getByRole("menuitem", { name }).click();
}
