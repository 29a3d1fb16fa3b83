import { describe, expect, it } from 'vitest'
import { caseSearchText, foldText, slugify, toPrefixTsQuery } from '../../../app/domain/text'

describe('text helpers', () => {
  it('folds case and diacritics but keeps every script', () => {
    expect(foldText('Malin Björk')).toBe('malin bjork')
    expect(foldText('Идрис Арсамиков')).toBe('идрис арсамиков')
  })

  it('makes readable ASCII slugs, transliterating Cyrillic', () => {
    expect(slugify('Idris Arsamikov')).toBe('idris-arsamikov')
    expect(slugify('Идрис Арсамиков')).toBe('idris-arsamikov')
    expect(slugify('  Zoë  Ørsted–Łukasz ')).toBe('zoe-orsted-lukasz')
    expect(slugify('!!!')).toBe('')
    expect(slugify('a'.repeat(200)).length).toBeLessThanOrEqual(80)
  })

  it('builds prefix queries from letters and digits only', () => {
    expect(toPrefixTsQuery('Arsam')).toBe('arsam:*')
    expect(toPrefixTsQuery("Идрис & ' | !(x)")).toBe('идрис:* & x:*')
    expect(toPrefixTsQuery('   ')).toBeNull()
  })

  it('indexes names, aliases and summary folded', () => {
    expect(
      caseSearchText({
        fullName: 'Idris Arsamikov',
        aliases: ['Идрис Арсамиков'],
        summary: 'Refugee',
        displayName: null,
      }),
    ).toBe('idris arsamikov идрис арсамиков refugee')
  })
})
