// Driving a page with the keyboard alone, and checking at every stop that the user can see where
// the focus is (WCAG 2.4.7 focus visible, 2.4.11 focus not obscured): the focused element is on
// screen, not covered by another, and drawn differently from the same element unfocused.
import { expect as baseExpect, type Locator, type Page } from '@playwright/test'

// Pages answer slowly on a machine busy with other work: wait up to 20 s, not 5.
const expect = baseExpect.configure({ timeout: 20_000 })

export type FocusState = {
  name: string
  onScreen: boolean
  uncovered: boolean
  indicator: boolean
}

/** The focused element, and whether its focus can be seen; null when nothing is focused. */
export function focusState(page: Page): Promise<FocusState | null> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body || el === document.documentElement) return null
    const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
    const labels =
      el instanceof HTMLInputElement ||
      el instanceof HTMLSelectElement ||
      el instanceof HTMLTextAreaElement
        ? [...(el.labels ?? [])]
        : []
    const name = `<${el.tagName.toLowerCase()}> “${(el.getAttribute('aria-label') ?? (words(labels[0]?.textContent ?? null) || words(el.textContent))).slice(0, 50)}”`
    const rect = el.getBoundingClientRect()
    const onScreen =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.right > 0 &&
      rect.top < window.innerHeight &&
      rect.left < window.innerWidth
    // What is drawn at the middle of its visible part: the element itself (or its own label).
    const x = Math.min(Math.max((rect.left + rect.right) / 2, 0), window.innerWidth - 1)
    const y = Math.min(Math.max((rect.top + rect.bottom) / 2, 0), window.innerHeight - 1)
    const hit = document.elementFromPoint(x, y)
    const uncovered =
      !!hit && (el.contains(hit) || hit.contains(el) || labels.some((label) => label.contains(hit)))
    // The same element unfocused: a shallow copy beside it, measured and removed at once.
    const props = [
      'outline-style',
      'outline-width',
      'outline-color',
      'box-shadow',
      'background-color',
      'border-color',
      'text-decoration-line',
    ]
    const focused = getComputedStyle(el)
    const copy = el.cloneNode(false) as Element
    copy.removeAttribute('id')
    el.after(copy)
    const plain = getComputedStyle(copy)
    const indicator = props.some((p) => focused.getPropertyValue(p) !== plain.getPropertyValue(p))
    copy.remove()
    return { name, onScreen, uncovered, indicator }
  })
}

/** Fails unless something is focused, on screen, uncovered and drawn as focused. */
export async function expectVisibleFocus(page: Page) {
  const state = await focusState(page)
  expect(state, 'something has the focus').not.toBeNull()
  expect(state!, `the focus on ${state!.name} can be seen`).toEqual({
    name: state!.name,
    onScreen: true,
    uncovered: true,
    indicator: true,
  })
}

const isFocused = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement).catch(() => false)

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus can be seen at
 * every stop on the way.
 */
export async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  await target.waitFor()
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    if (!(await focusState(page))) continue
    await expectVisibleFocus(page)
    if (await isFocused(target)) return
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target}`)
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field)
  await page.keyboard.type(text)
  await expect(field).toHaveValue(text)
}

/** Tabs to a select and presses the arrow keys until it holds `value`. */
export async function chooseWithArrows(page: Page, select: Locator, value: string) {
  await tabTo(page, select)
  // Down the list, and up again from its end.
  let key = 'ArrowDown'
  for (let presses = 0; presses < 60; presses++) {
    const before = await select.inputValue()
    if (before === value) return
    await page.keyboard.press(key)
    if ((await select.inputValue()) === before) key = 'ArrowUp'
  }
  await expect(select).toHaveValue(value)
}

/** Tabs to a link or button and presses Enter. */
export async function activate(page: Page, target: Locator) {
  await tabTo(page, target)
  await page.keyboard.press('Enter')
}
