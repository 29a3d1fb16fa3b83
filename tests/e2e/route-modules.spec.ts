// Every route's browser module loads in Chromium. A server-only dependency that slips into a route's
// client bundle (a library needing Node's Buffer, say) breaks that page's script at load, which the
// page's HTML and the client-JS budget do not show. Each route module named in the build's manifest
// is imported in a real page, and any error on import or on the page fails the test.
import { expect, test } from '@playwright/test'
import { readClientManifest } from '../../scripts/bench/client-js'

test('every route module of the client build loads in the browser', async ({ page }) => {
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // The page's own manifest lists only the routes discovered so far: read the build's whole one.
  const routes = Object.values(readClientManifest().routes).map(({ id, module }) => ({
    id,
    module,
  }))
  const results = await page.evaluate(async (routes) => {
    const outcomes: { id: string; error: string | null }[] = []
    for (const route of routes) {
      try {
        await import(/* @vite-ignore */ route.module)
        outcomes.push({ id: route.id, error: null })
      } catch (error) {
        outcomes.push({ id: route.id, error: String(error) })
      }
    }
    return outcomes
  }, routes)
  // The manifest lists the routes of app/routes: dozens, never none.
  expect(results.length).toBeGreaterThan(40)
  expect(results.filter((r) => r.error !== null)).toEqual([])
  expect(pageErrors).toEqual([])
})
