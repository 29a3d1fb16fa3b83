// safeRedirect: after sign-in the browser goes only to a path on this site.
import { describe, expect, it } from 'vitest'
import { safeRedirect } from '../../../app/guards/auth.server'

describe('safeRedirect', () => {
  it('keeps a local path with its query', () => {
    expect(safeRedirect('/cases/idris-arsamikov?tab=history')).toBe(
      '/cases/idris-arsamikov?tab=history',
    )
    expect(safeRedirect('/cases?q=%D0%90%D1%80')).toBe('/cases?q=%D0%90%D1%80')
  })

  it.each([
    ['/\t/evil.example/x'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\\/evil.example'],
    ['/cases\\..\\x'],
    ['/\u0000/evil.example'],
    ['/\u0085/evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['evil.example'],
    [''],
  ])('refuses %j', (to) => {
    expect(safeRedirect(to)).toBe('/dashboard')
  })

  it('refuses what is not a string', () => {
    expect(safeRedirect(null)).toBe('/dashboard')
    expect(safeRedirect(undefined, '/cases')).toBe('/cases')
  })
})
