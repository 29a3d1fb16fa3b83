import { describe, expect, it } from 'vitest'
import {
  CitationFormSchema,
  documentDifferences,
  DocumentFormSchema,
  documentToFormValues,
  QuoteFormSchema,
  quoteDifferences,
} from '../../../app/domain/document-schema'
import { documentListSearch, parseDocumentListQuery } from '../../../app/domain/document-filters'
import { renderDocumentFootnotes } from '../../../app/domain/document-footnotes'
import { fieldErrorsOf } from '../../../app/utils/forms'

const valid = {
  kind: 'press_release',
  title: '  A title  ',
  place: 'Brussels',
  documentDate: '2023-02',
  datePrecision: 'month',
  issuerId: '4',
  language: 'EN',
  body: 'Line one\r\nLine two\r\n\r\n',
  url: 'HTTPS://example.org/release',
  status: 'published',
}

function errorsOf(schema: { safeParse: (v: unknown) => any }, input: unknown) {
  const result = schema.safeParse(input)
  return result.success ? {} : fieldErrorsOf(result.error)
}

describe('the document form', () => {
  it('reads a valid form into the fields the database takes', () => {
    expect(DocumentFormSchema.parse(valid)).toEqual({
      kind: 'press_release',
      title: 'A title',
      place: 'Brussels',
      documentDate: '2023-02-01',
      datePrecision: 'month',
      issuerId: 4,
      language: 'en',
      body: 'Line one\nLine two',
      url: 'https://example.org/release',
      status: 'published',
    })
  })

  it('leaves the date and its precision empty together', () => {
    const fields = DocumentFormSchema.parse({ ...valid, documentDate: '' })
    expect([fields.documentDate, fields.datePrecision]).toEqual([null, null])
  })

  it.each([
    ['title', { title: '   ' }, 'Enter the title'],
    ['title', { title: 'x'.repeat(501) }, 'at most 500 characters'],
    ['kind', { kind: 'novel' }, 'Choose a kind of document'],
    ['status', { status: 'secret' }, 'Choose draft or published'],
    ['language', { language: 'english' }, 'Choose a language'],
    ['documentDate', { documentDate: '2023-02-30', datePrecision: 'day' }, 'not a real date'],
    ['url', { url: 'javascript:alert(1)' }, 'http:// or https://'],
    ['url', { url: 'ftp://example.org/x' }, 'http:// or https://'],
    ['url', { url: 'http:example.org' }, 'http:// or https://'],
    ['issuerId', { issuerId: '-3' }, 'Choose an issuer from the list'],
    ['body', { body: 'x'.repeat(200_001) }, 'at most 200,000 characters'],
  ])('refuses a bad %s', (field, change, message) => {
    expect(errorsOf(DocumentFormSchema, { ...valid, ...change })[field]?.[0]).toContain(message)
  })

  it('gives back the form strings of a saved document, and names what a stale save changes', () => {
    const saved = documentToFormValues({
      ...DocumentFormSchema.parse(valid),
      documentDate: '2023-02-01',
      datePrecision: 'month',
    })
    expect(saved.documentDate).toBe('2023-02')
    const differences = documentDifferences(
      saved,
      { ...saved, title: 'Another title', issuerId: '5' },
      new Map([
        ['4', 'LGBTI Intergroup'],
        ['5', 'Amnesty International'],
      ]),
    )
    expect(differences).toEqual([
      { field: 'title', label: 'Title', saved: 'A title', typed: 'Another title' },
      {
        field: 'issuerId',
        label: 'Issuer',
        saved: 'LGBTI Intergroup',
        typed: 'Amnesty International',
      },
    ])
  })
})

describe('the quote and citation forms', () => {
  it('needs the words quoted, at most 50,000 characters, and a speaker or an attribution', () => {
    expect(errorsOf(QuoteFormSchema, { body: '  ' }).body?.[0]).toBe('Enter the words quoted')
    expect(errorsOf(QuoteFormSchema, { body: 'x'.repeat(50_001), actorId: '1' }).body?.[0]).toBe(
      'A quotation can be at most 50,000 characters',
    )
    expect(errorsOf(QuoteFormSchema, { body: 'Free him.' }).actorId?.[0]).toMatch(/who is quoted/)
    expect(QuoteFormSchema.parse({ body: ' Free him. ', speakerLabel: 'A lawyer said:' })).toEqual({
      actorId: null,
      speakerLabel: 'A lawyer said:',
      body: 'Free him.',
    })
    expect(QuoteFormSchema.parse({ body: 'x'.repeat(50_000), actorId: '7' }).actorId).toBe(7)
  })

  it('names where a stale quote save differs from the saved quote', () => {
    const names = new Map([[3, 'Malin Björk']])
    const saved = { actorId: 3, speakerLabel: 'comments:', body: 'Free him.' }
    expect(
      quoteDifferences(
        saved,
        { actorId: '3', speakerLabel: 'comments:', body: 'Free him.\r\n' },
        names,
      ),
    ).toEqual([])
    expect(
      quoteDifferences(
        saved,
        { actorId: '', speakerLabel: 'comments:', body: 'Free him now.' },
        names,
      ),
    ).toEqual([
      { field: 'actorId', label: 'Speaker', saved: 'Malin Björk', typed: '' },
      { field: 'body', label: 'Words quoted', saved: 'Free him.', typed: 'Free him now.' },
    ])
    expect(quoteDifferences(null, { body: 'x' }, names).at(-1)).toMatchObject({
      saved: '(deleted)',
    })
  })

  it('reads what a citation is for, and needs a source', () => {
    expect(CitationFormSchema.parse({ target: 'quote-12', sourceIds: ['3', '3', '4'] })).toEqual({
      target: { quoteId: 12 },
      sourceIds: [3, 4],
      locator: null,
    })
    expect(CitationFormSchema.parse({ sourceIds: ['3'] }).target).toEqual({ quoteId: null })
    expect(
      errorsOf(CitationFormSchema, { target: 'case-1', sourceIds: ['1'] }).target,
    ).toBeDefined()
    expect(errorsOf(CitationFormSchema, { sourceIds: [] }).sourceIds?.[0]).toMatch(/at least one/)
  })
})

describe('the document list query', () => {
  it('reads filters, drops what it cannot read, and builds links that keep them', () => {
    const query = parseDocumentListQuery(
      new URLSearchParams(
        'q=arsamikov&kind=press_release&case=idris-arsamikov&issuer=3&language=EN&status=nope&from=2023-02&to=2023&page=2',
      ),
    )
    expect(query.filters).toEqual({
      q: 'arsamikov',
      kind: 'press_release',
      case: 'idris-arsamikov',
      issuer: 3,
      language: 'en',
      from: '2023-02',
      to: '2023',
    })
    expect(query.range).toEqual({ fromDate: '2023-02-01', toDate: '2023-12-31' })
    expect(query.ignored).toEqual(['status'])
    expect(query.page).toBe(2)
    expect(documentListSearch(query, { remove: 'kind' })).toBe(
      '?q=arsamikov&case=idris-arsamikov&issuer=3&language=en&from=2023-02&to=2023',
    )
    const february = parseDocumentListQuery(new URLSearchParams('to=2024-02'))
    expect(february.range.toDate).toBe('2024-02-29')
    expect(parseDocumentListQuery(new URLSearchParams('from=2023-13-01')).ignored).toEqual(['from'])
  })
})

describe('numbering a document’s footnotes', () => {
  const source = (id: number) => ({ id })

  it('numbers by first use: body markers, the body’s other citations, then each quote', () => {
    const result = renderDocumentFootnotes({
      body: { text: 'First[2], then[1].', sources: [source(10), source(20), source(30)] },
      quotes: [
        { text: 'Quote[2]', sources: [source(10), source(40)] },
        { text: 'No markers', sources: [source(50)] },
      ],
    })
    expect(result.footnotes.map((f) => [f.id, f.number])).toEqual([
      [20, 1],
      [10, 2],
      [30, 3],
      [40, 4],
      [50, 5],
    ])
    expect(result.body.html).toContain('First<sup class="footnote-ref"><a href="#source-1"')
    expect(result.body.html).toContain('then<sup class="footnote-ref"><a href="#source-2"')
    expect(result.quotes[0]!.html).toContain('#source-4')
    expect(result.quotes[0]!.unmarked).toEqual([2])
    expect(result.quotes[1]!.unmarked).toEqual([5])
  })
})
