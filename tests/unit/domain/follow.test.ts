import { describe, expect, it } from 'vitest'
import { composeDigest } from '../../../app/domain/digest'
import { formatVisitTime, updatesCountLabel, visitSummary } from '../../../app/domain/follow'
import {
  caseListSearch,
  hasActiveFilters,
  parseCaseListQuery,
} from '../../../app/domain/case-filters'

describe('updatesCountLabel', () => {
  it('shows nothing at 0, the number up to 99, then 99+', () => {
    expect([0, 1, 99, 100, 5000].map(updatesCountLabel)).toEqual([null, '1', '99', '99+', '99+'])
  })
})

describe('composeDigest', () => {
  const counts = { case: 1, event: 2, document: 0, action: 1 }
  it('names only the cases given a public name, and counts the rest', () => {
    const { subject, text } = composeDigest({
      appUrl: 'https://cases.example.org/',
      frequency: 'weekly',
      total: 4,
      cases: [
        { publicName: 'Idris Arsamikov', path: '/cases/idris-arsamikov', counts },
        { publicName: null, path: null, counts: { ...counts, case: 0, action: 0, event: 1 } },
      ],
    })
    expect(subject).toBe('Case tracker: 4 followed cases have news')
    expect(text).toContain(
      '- Idris Arsamikov: 2 events, 1 action, case record updated — https://cases.example.org/cases/idris-arsamikov',
    )
    expect(text).toContain('- A followed case: 1 event\n')
    expect(text).toContain('- and 2 more cases')
    expect(text).toContain('https://cases.example.org/updates')
    expect(text).not.toContain('//updates')
  })
})

describe('the "Cases I follow" filter in the case list address', () => {
  it('is read from ?following=1, kept in links, and removable', () => {
    const query = parseCaseListQuery(new URLSearchParams('following=1&custody=detained&page=2'))
    expect(query.filters.following).toBe(true)
    expect(hasActiveFilters({ q: '', following: true })).toBe(true)
    expect(caseListSearch(query)).toBe('?custody=detained&following=1&page=2')
    expect(caseListSearch(query, { remove: 'following' })).toBe('?custody=detained')
    expect(parseCaseListQuery(new URLSearchParams('following=')).filters.following).toBeUndefined()
  })
})

describe('visitSummary', () => {
  it('says first visit, nothing new, or how much is new since when', () => {
    const seenLabel = formatVisitTime(new Date('2026-12-01T00:37:00Z'))
    expect(seenLabel).toBe('1 Dec 2026, 00:37 UTC')
    expect(visitSummary({ seenLabel: null, newCount: 3, caseChanged: true }).rest).toBe(
      'Your first visit to this case.',
    )
    expect(visitSummary({ seenLabel, newCount: 0, caseChanged: false })).toEqual({
      news: null,
      rest: 'Nothing new since your last visit (1 Dec 2026, 00:37 UTC).',
    })
    expect(visitSummary({ seenLabel, newCount: 1, caseChanged: true }).news).toBe(
      '1 entry new or changed',
    )
    expect(visitSummary({ seenLabel, newCount: 0, caseChanged: true }).news).toBe(
      'The case record changed',
    )
  })
})
