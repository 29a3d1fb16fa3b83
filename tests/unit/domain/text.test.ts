import { describe, expect, it } from 'vitest'
import {
  SEARCH_FOLD,
  caseNameText,
  caseSearchText,
  foldText,
  spreadSyllabic,
  toPrefixTsQuery,
} from '../../../app/domain/text'

describe('text helpers', () => {
  it('folds case and diacritics but keeps every script', () => {
    expect(foldText('Malin Björk')).toBe('malin bjork')
    expect(foldText('Идрис Арсамиков')).toBe('идрис арсамиков')
    expect(foldText('Łukasz Øberg')).toBe('lukasz oberg')
    expect(foldText('Bjo\u0308rk')).toBe('bjork')
    expect(foldText('刘晓波')).toBe('刘晓波')
    expect(foldText('ნიკა მელია')).toBe('ნიკა მელია')
  })

  it('folds Cyrillic and Greek letters with marks, and Arabic vowel signs', () => {
    expect(foldText('Ёжиков Йосиф')).toBe('ежиков иосиф')
    expect(foldText('Αθήνα')).toBe('αθηνα')
    expect(foldText('مُحَمَّد')).toBe('محمد')
  })

  it('has one SQL table that maps each letter as foldText does', () => {
    const letters = [...SEARCH_FOLD.to].length
    const from = [...SEARCH_FOLD.from]
    expect(from.slice(0, letters).map(foldText).join('')).toBe(SEARCH_FOLD.to)
    expect(from.slice(letters).map(foldText).join('')).toBe('')
    expect(from).toContain('ö')
    expect(from).toContain('й')
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

  it('keeps names and aliases, not the summary, for the search by a part of a name', () => {
    expect(
      caseNameText({ fullName: 'Liu Xiaobo', aliases: ['刘晓波'], displayName: 'Xiaobo' }),
    ).toBe('liu xiaobo\nxiaobo\n刘刘刘晓晓晓波波波')
  })

  it('spreads Chinese, Japanese and Korean characters so one or two can be looked up', () => {
    expect(spreadSyllabic('刘晓波 liu')).toBe('刘刘刘晓晓晓波波波 liu')
    expect(spreadSyllabic('김たな')).toBe('김김김たたたななな')
    // A spread part of a name is found in the spread name exactly where the part stands.
    expect(spreadSyllabic('刘晓波').includes(spreadSyllabic('晓波'))).toBe(true)
    expect(spreadSyllabic('刘晓波').includes(spreadSyllabic('波刘'))).toBe(false)
    expect(spreadSyllabic('晓晓波').includes(spreadSyllabic('晓波'))).toBe(true)
  })
})
