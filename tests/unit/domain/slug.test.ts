import { describe, expect, it } from 'vitest'
import { FALLBACK_SLUG, slugify } from '../../../app/domain/slug.server'

describe('slugs from names in any script', () => {
  it('transliterates Latin, Cyrillic, Chinese, Georgian and Arabic to readable ASCII', () => {
    expect(slugify('Idris Arsamikov')).toBe('idris-arsamikov')
    expect(slugify('Идрис Арсамиков')).toBe('idris-arsamikov')
    expect(slugify('Арсамиков')).toBe('arsamikov')
    expect(slugify('刘晓波')).toBe('liu-xiao-bo')
    expect(slugify('ნიკა მელია')).toBe('nika-melia')
    expect(slugify('محمد عبد الله')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(slugify('  Zoë  Ørsted–Łukasz ')).toBe('zoe-orsted-lukasz')
  })

  it('is stable and bounded', () => {
    expect(slugify('刘晓波')).toBe(slugify('刘晓波'))
    expect(slugify('Bjo\u0308rk')).toBe(slugify('Björk'))
    const long = slugify('a'.repeat(200))
    expect(long.length).toBeLessThanOrEqual(80)
    expect(long).not.toMatch(/-$/)
  })

  it('falls back to a neutral word when nothing readable remains', () => {
    expect(slugify('!!!')).toBe(FALLBACK_SLUG)
    expect(slugify('   ')).toBe('case')
    expect(slugify('🙂')).toBe('case')
  })
})
