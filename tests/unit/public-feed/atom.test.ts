// The Atom writer: a valid feed (parsed back with fast-xml-parser) whatever the names hold, an
// entry link that is only ever a web address or the case page, and an `updated` even when empty.
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { renderAtomFeed, type PublicFeedEntry } from '../../../app/public-feed/atom'

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml, true) as {
    feed: Record<string, any>
  }

const base = {
  origin: 'https://cases.example.org',
  selfPath: '/feed.atom',
  pagePath: '/p',
  title: 'Public case pages',
  subtitle: 'Changes',
  emptyUpdated: new Date(0),
}

const event: PublicFeedEntry = {
  kind: 'event',
  id: 7,
  slug: 'li-wei',
  name: 'Li <Wei> & 刘晓波',
  eventDate: '2024-02-01',
  datePrecision: 'month',
  custodyState: 'imprisoned',
  legalStage: 'sentenced',
  description: 'Sentenced to 11 years & more.',
  updatedAt: new Date('2026-11-02T10:00:00Z'),
}

const document = (url: string | null): PublicFeedEntry => ({
  kind: 'document',
  id: 3,
  slug: 'li-wei',
  name: 'Li Wei',
  title: 'Joint statement',
  documentKind: 'joint_statement',
  url,
  updatedAt: new Date('2026-11-03T10:00:00Z'),
})

describe('renderAtomFeed', () => {
  it('writes a feed that parses, with every required element, whatever a name holds', () => {
    const { feed } = parse(renderAtomFeed({ ...base, entries: [document(null), event] }))
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('https://cases.example.org/feed.atom')
    expect(feed.updated).toBe('2026-11-03T10:00:00.000Z')
    expect(feed.author.name).toBe('Case tracker')
    const [first, second] = feed.entry
    expect(second.title['#text'] ?? second.title).toBe(
      'Li <Wei> & 刘晓波: Imprisoned, Sentenced (February 2024)',
    )
    expect(second.id).toBe('https://cases.example.org/p/li-wei#event-7')
    expect(second.updated).toBe('2026-11-02T10:00:00.000Z')
    expect(first.link['@href']).toBe('https://cases.example.org/p/li-wei#document-3')
  })

  it('links a document to its web address, never to another scheme', () => {
    const link = (url: string | null) =>
      parse(renderAtomFeed({ ...base, entries: [document(url)] })).feed.entry.link['@href']
    expect(link('https://example.org/statement')).toBe('https://example.org/statement')
    expect(link('javascript:alert(1)')).toBe('https://cases.example.org/p/li-wei#document-3')
  })

  it('says when it was updated even with no entry', () => {
    const { feed } = parse(renderAtomFeed({ ...base, entries: [] }))
    expect(feed.updated).toBe('1970-01-01T00:00:00.000Z')
    expect(feed.entry).toBeUndefined()
  })
})
