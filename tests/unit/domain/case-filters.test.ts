import { describe, expect, it } from 'vitest'
import {
  caseListSearch,
  hasActiveFilters,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  parseCaseListQuery,
} from '../../../app/domain/case-filters'

const parse = (search: string) => parseCaseListQuery(new URLSearchParams(search))

describe('parseCaseListQuery', () => {
  it('gives the whole list, newest update first, on page 1 for an empty query', () => {
    expect(parse('')).toEqual({ filters: { q: '' }, sort: 'updated', page: 1, ignored: [] })
  })

  it('reads the search, every filter, the sort and the page', () => {
    const query = parse(
      'q=+%D0%90%D1%80%D1%81%D0%B0%D0%BC+&custody=detained&stage=on_trial&country=Russia' +
        '&ground=sexual_orientation&risk=critical&visibility=restricted&owner=12&sort=detention&page=3',
    )
    expect(query).toEqual({
      filters: {
        q: 'Арсам',
        custody: 'detained',
        stage: 'on_trial',
        country: 'Russia',
        ground: 'sexual_orientation',
        risk: 'critical',
        visibility: 'restricted',
        owner: 12,
      },
      sort: 'detention',
      page: 3,
      ignored: [],
    })
  })

  it('drops values outside their vocabulary and says which, keeping the rest', () => {
    const query = parse(
      'custody=jailed&stage=charged&ground=DROP+TABLE&risk=&owner=abc&visibility=secret&sort=random',
    )
    expect(query.filters).toEqual({ q: '', stage: 'charged' })
    expect(query.ignored).toEqual(['custody', 'ground', 'visibility', 'owner', 'sort'])
    expect(query.sort).toBe('updated')
  })

  it('treats empty fields (an untouched select) as no filter, not as unknown', () => {
    const query = parse('q=&custody=&stage=&country=+&owner=&sort=&page=')
    expect(query).toEqual({ filters: { q: '' }, sort: 'updated', page: 1, ignored: [] })
  })

  it('refuses owner ids that are not positive whole numbers', () => {
    for (const owner of ['0', '-4', '1.5', '99999999999', 'Infinity'])
      expect(parse(`owner=${owner}`).ignored, owner).toEqual(['owner'])
    expect(parse('owner=+7+').filters.owner).toBe(7)
  })

  it('keeps the page within bounds', () => {
    expect(parse('page=0').page).toBe(1)
    expect(parse('page=-2').page).toBe(1)
    expect(parse('page=2.5').page).toBe(1)
    expect(parse('page=two').page).toBe(1)
    expect(parse('page=7').page).toBe(7)
    expect(parse('page=123456789').page).toBe(MAX_PAGE)
  })

  it('takes the first non-empty value of a repeated parameter and caps the search length', () => {
    expect(parse('custody=&custody=released&custody=detained').filters.custody).toBe('released')
    expect(parse(`q=${'a'.repeat(5000)}`).filters.q).toHaveLength(MAX_QUERY_LENGTH)
  })
})

describe('hasActiveFilters', () => {
  it('is true for a search or a filter, not for a sort or a page', () => {
    expect(hasActiveFilters(parse('sort=name&page=2').filters)).toBe(false)
    expect(hasActiveFilters(parse('q=arsam').filters)).toBe(true)
    expect(hasActiveFilters(parse('owner=3').filters)).toBe(true)
    expect(hasActiveFilters(parse('custody=nonsense').filters)).toBe(false)
  })
})

describe('caseListSearch', () => {
  const query = parse('q=idris+a&custody=detained&owner=4&sort=name&page=2')

  it('keeps every filter and the sort in page links', () => {
    expect(caseListSearch(query, { page: 3 })).toBe(
      '?q=idris+a&custody=detained&owner=4&sort=name&page=3',
    )
    expect(caseListSearch(query, { page: 1 })).toBe('?q=idris+a&custody=detained&owner=4&sort=name')
  })

  it('removes one filter and goes back to the first page', () => {
    expect(caseListSearch(query, { remove: 'custody' })).toBe('?q=idris+a&owner=4&sort=name')
    expect(caseListSearch(query, { remove: 'q' })).toBe('?custody=detained&owner=4&sort=name')
  })

  it('is empty for the default list, and round-trips through the parser', () => {
    expect(caseListSearch(parse(''))).toBe('')
    const link = caseListSearch(query)
    expect(parse(link.slice(1))).toEqual(query)
  })
})
