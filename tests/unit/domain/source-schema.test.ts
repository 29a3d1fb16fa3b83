import { describe, expect, it } from 'vitest'
import {
  SEARCH_FOLD,
  SourceFormSchema,
  containsPattern,
  foldSearchText,
  formDifferences,
  listSearch,
  parseSourceListQuery,
  searchWords,
  sourceToFormValues,
  urlVariants,
} from '../../../app/domain/source-schema'

const form = {
  title: ' A report ',
  publisher: '',
  publishedOn: '2023-02',
  publishedPrecision: 'month',
  url: 'HTTPS://News.Example.org',
  archivedUrl: '',
  accessedOn: '2024-01-05',
  kind: 'news',
  reliability: 'medium',
}

describe('SourceFormSchema', () => {
  it('reads a partial date, normalises the URL and turns empty fields into null', () => {
    expect(SourceFormSchema.parse(form)).toEqual({
      title: 'A report',
      publisher: null,
      publishedOn: '2023-02-01',
      publishedPrecision: 'month',
      url: 'https://news.example.org/',
      archivedUrl: null,
      accessedOn: '2024-01-05',
      kind: 'news',
      reliability: 'medium',
    })
  })

  it('leaves the date and its precision empty together', () => {
    const parsed = SourceFormSchema.parse({ ...form, publishedOn: '' })
    expect([parsed.publishedOn, parsed.publishedPrecision]).toEqual([null, null])
  })

  it.each([
    ['url', 'javascript:alert(1)'],
    ['url', 'news.example.org/story'],
    ['archivedUrl', 'file:///etc/passwd'],
  ])('refuses %s %j', (field, value) => {
    const result = SourceFormSchema.safeParse({ ...form, [field]: value })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: [field],
      message: 'Enter a web address starting with http:// or https://',
    })
  })

  it('reports every bad field at once', () => {
    const result = SourceFormSchema.safeParse({ ...form, title: '', accessedOn: '2024-02-30' })
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(['accessedOn', 'title'])
  })

  it('round-trips a saved source through the form', () => {
    const saved = SourceFormSchema.parse(form)
    expect(SourceFormSchema.parse(sourceToFormValues(saved))).toEqual(saved)
  })
})

describe('urlVariants', () => {
  it('names the http/https and trailing-slash spellings of one page', () => {
    expect(urlVariants('https://a.example/x').sort()).toEqual(
      [
        'http://a.example/x',
        'http://a.example/x/',
        'https://a.example/x',
        'https://a.example/x/',
      ].sort(),
    )
  })
  it('does not move a slash across a query string', () => {
    expect(urlVariants('https://a.example/x?id=1').sort()).toEqual(
      ['http://a.example/x?id=1', 'https://a.example/x?id=1'].sort(),
    )
  })
})

describe('search folding', () => {
  it('folds case and accents as the SQL translate() does', () => {
    expect(foldSearchText('Malin BJÖRK')).toBe('malin bjork')
    expect(foldSearchText('Łukasz Øberg')).toBe('lukasz oberg')
    expect(foldSearchText('Bjo\u0308rk')).toBe('bjork')
    expect(foldSearchText('Идрис')).toBe('идрис')
  })
  it('maps each letter of the SQL table to the letter foldSearchText gives', () => {
    const letters = [...SEARCH_FOLD.to].length
    const from = [...SEARCH_FOLD.from].slice(0, letters)
    expect(from.map(foldSearchText).join('')).toBe(SEARCH_FOLD.to)
    expect(from).toContain('ö')
  })
  it('takes LIKE wildcards literally and keeps at most six words', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%')
    expect(searchWords(' a b c d e f g ')).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })
})

describe('the source list query', () => {
  it('keeps valid filters and drops the rest', () => {
    const query = parseSourceListQuery(
      new URLSearchParams(
        'q=+moscow+&kind=news&reliability=great&publisher=The+Moscow+Times&year=20x3&page=-2',
      ),
    )
    expect(query).toEqual({ q: 'moscow', kind: 'news', publisher: 'The Moscow Times', page: 1 })
  })
  it('builds links with only what is set', () => {
    expect(listSearch({ q: 'a b', kind: undefined, year: 2023, page: 1 })).toBe('?q=a+b&year=2023')
    expect(listSearch({ q: '', page: 3 })).toBe('?page=3')
    expect(listSearch({})).toBe('')
  })
})

describe('formDifferences', () => {
  it('lists the fields where the saved and typed values differ, with vocabulary labels', () => {
    const differences = formDifferences(
      { title: 'Title', kind: 'Kind', url: 'URL' },
      { title: 'Saved', kind: 'ngo_report', url: '' },
      { title: 'Saved', kind: 'news', url: ' ' },
    )
    expect(differences).toEqual([
      { field: 'kind', label: 'Kind', saved: 'NGO report', typed: 'News' },
    ])
  })
})
