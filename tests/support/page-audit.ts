// What the accessibility tests check on a page, whoever is signed in: axe's WCAG 2.0/2.1/2.2 A and AA
// rules, targets of at least 24×24 CSS pixels (WCAG 2.5.8), and no horizontal scroll at 360 px wide
// (WCAG 1.4.10 reflow). Each check answers a list of problems, empty when the page passes.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    // Only the violations in detail: what passed is not worth the time to list on every page.
    .options({ resultTypes: ['violations'] })
    // One axe.run in the page: the pages have no frames, and the default finishes each run in a
    // new blank page, which doubles the time of a walk.
    .setLegacyMode()
    .analyze()
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  )
}

/** Opens every <details> (the confirmations before a destructive step), so they are checked too. */
export async function openDisclosures(page: Page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true
  })
}

/**
 * Every link, button, field and summary smaller than 24×24 px that WCAG 2.5.8 does not excuse. Its
 * exceptions, as the criterion words them: inline — a link inside a run of text (its block holds
 * other words) is sized by the line; spacing — a 24 px circle centred on the small target touches
 * no other target and no other small target's circle. A checkbox or radio button counts with its
 * label, which clicks it too.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 24
    const selector =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])'
    const blockOf = (el: Element): Element => {
      let node: Element | null = el.parentElement
      while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement
      return node ?? document.body
    }
    const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim()
    const describe = (el: Element) => {
      const label =
        el.getAttribute('aria-label') ?? (words(el.textContent) || el.getAttribute('name') || '')
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> “${label.slice(0, 40)}”`
    }
    const targets: { el: Element; rect: DOMRect }[] = []
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      let rect = el.getBoundingClientRect()
      // Not drawn, or parked off-screen until focused (the skip link).
      if (rect.width === 0 || rect.height === 0 || rect.right <= 0 || rect.bottom <= 0) continue
      if (el.closest('.visually-hidden, .sr-only, [aria-hidden="true"]')) continue
      if (el.tagName === 'A' && style.display === 'inline') {
        const own = words(el.textContent)
        if (words(blockOf(el).textContent) !== own) continue
      }
      if (el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type) && el.labels) {
        for (const label of el.labels) {
          const box = label.getBoundingClientRect()
          const left = Math.min(rect.left, box.left)
          const top = Math.min(rect.top, box.top)
          rect = new DOMRect(
            left,
            top,
            Math.max(rect.right, box.right) - left,
            Math.max(rect.bottom, box.bottom) - top,
          )
        }
      }
      targets.push({ el, rect })
    }
    const small = targets.filter(({ rect }) => rect.width < MIN - 0.5 || rect.height < MIN - 0.5)
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 })
    const distanceToRect = (p: { x: number; y: number }, r: DOMRect) =>
      Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom))
    const nested = (a: Element, b: Element) => a.contains(b) || b.contains(a)
    const problems: string[] = []
    for (const target of small) {
      const c = centre(target.rect)
      const crowded = targets.find((other) => {
        if (other === target || nested(other.el, target.el)) return false
        if (small.includes(other)) {
          const o = centre(other.rect)
          return Math.hypot(o.x - c.x, o.y - c.y) < MIN
        }
        return distanceToRect(c, other.rect) < MIN / 2
      })
      if (crowded)
        problems.push(
          `${describe(target.el)} is ${target.rect.width.toFixed(0)}×${target.rect.height.toFixed(0)} px, too close to ${describe(crowded.el)}`,
        )
    }
    return problems
  })
}

/** At 360 px wide, the page itself scrolls only vertically; a table may scroll in its own box. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  const viewport = page.viewportSize()
  await page.setViewportSize({ width: 360, height: 800 })
  const found = await page.evaluate(() => {
    const width = document.scrollingElement!.scrollWidth
    if (width <= window.innerWidth) return null
    // Name where it comes from: the outermost elements reaching past the edge that no scrolling
    // or clipping box of their own holds in.
    const W = window.innerWidth + 1
    const past = (el: Element) => {
      if (el.getBoundingClientRect().right <= W) return false
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= W)
          return false
      return true
    }
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => past(el) && !(el.parentElement && past(el.parentElement)))
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`)
    return `${width}px wide at 360px (${wide.join(', ')})`
  })
  if (viewport) await page.setViewportSize(viewport)
  return found ? [found] : []
}
