import { expect, type Page } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'

export type DemoRole = 'admin' | 'editor' | 'viewer'

export async function signIn(page: Page, role: DemoRole, redirectTo?: string) {
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login')
  await page.getByLabel('Email').fill(`${role}@example.org`)
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

/** Fails the test on any console error or uncaught page error (house style, point 9). */
export function failOnConsoleErrors(page: Page) {
  const errors: string[] = []
  page.on('console', (message) => {
    // A form answered with 400 or 409 is expected behaviour (field errors, conflicts), not an error.
    if (message.type() === 'error' && !/status of 40[09]/.test(message.text()))
      errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return () => expect(errors, 'console errors on the page').toEqual([])
}
