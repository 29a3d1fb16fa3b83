// The public rule (app/models/public-case.server.ts) against both databases: only public AND
// consented cases, only confirmed events, only published documents and sources no hidden case
// shares; keyset pages, a search in any script, the days in detention never overstated, and the
// feed's entries newest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkCase } from '../../app/models/document-parts.server'
import { createDocument } from '../../app/models/document-write.server'
import {
  getPublicCase,
  getPublicCaseName,
  listPublicCases,
  PUBLIC_PAGE_SIZE,
} from '../../app/models/public-case.server'
import { listPublicFeedEntries } from '../../app/models/public-feed.server'
import { createSource } from '../../app/models/source-write.server'
import { recordStatusEvent, type StatusEventFields } from '../../app/models/status-event.server'
import type { CaseFields } from '../../app/models/case.server'
import { makeCase } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const TODAY = '2026-06-30'
const actor = { userId: null }
const visible = { visibility: 'public', consent: 'given' } as const

function eventFields(overrides: Partial<StatusEventFields>): StatusEventFields {
  return {
    eventDate: '2025-01-10',
    datePrecision: 'day',
    custodyState: 'detained',
    legalStage: null,
    releaseReason: null,
    location: null,
    description: 'An event.',
    certainty: 'confirmed',
    ...overrides,
  }
}

describe.each(backends())('public cases on %s', (backend) => {
  let database: TestDatabase
  const db = () => database.db

  const makePublic = (overrides: Partial<CaseFields>) =>
    makeCase(db(), { ...visible, ...overrides })
  const event = (caseId: number, overrides: Partial<StatusEventFields>, sourceIds: number[] = []) =>
    recordStatusEvent(db(), { actor, caseId, fields: eventFields(overrides), sourceIds })
  const source = async (title: string) => {
    const made = await createSource(db(), {
      actor,
      fields: {
        ...{ title, publisher: null, publishedOn: null, publishedPrecision: null },
        ...{ url: `https://example.org/${encodeURIComponent(title)}`, archivedUrl: null },
        ...{ accessedOn: null, kind: 'news', reliability: 'medium' },
      },
    })
    if (!made.ok) throw new Error('source')
    return made.id
  }
  const document = async (title: string, status: 'draft' | 'published', caseIds: number[]) => {
    const made = await createDocument(db(), {
      actor,
      fields: {
        ...{ kind: 'press_release', title, place: null, documentDate: '2025-02-01' },
        ...{ datePrecision: 'day', issuerId: null, language: 'en', body: '', url: null, status },
      },
    })
    if (!made.ok) throw new Error('document')
    for (const caseId of caseIds) await linkCase(db(), { actor, documentId: made.id, caseId })
    return made.id
  }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(async () => {
    await database?.close()
  })

  it('finds only cases that are public and consented', async () => {
    const shown = await makePublic({ fullName: 'Shown Person' })
    const others = await Promise.all([
      makeCase(db(), { fullName: 'Hidden Restricted', visibility: 'restricted', consent: 'given' }),
      makeCase(db(), { fullName: 'Hidden Internal', visibility: 'internal', consent: 'given' }),
      makePublic({ fullName: 'Hidden Refused', consent: 'refused' }),
      makePublic({ fullName: 'Hidden Unknown', consent: 'unknown' }),
    ])
    expect(await getPublicCase(db(), { slug: shown.slug, today: TODAY })).not.toBeNull()
    expect(await getPublicCaseName(db(), shown.slug)).toBe('Shown Person')
    for (const other of others) {
      expect(await getPublicCase(db(), { slug: other.slug, today: TODAY })).toBeNull()
      expect(await getPublicCaseName(db(), other.slug)).toBeNull()
    }
    const { cases } = await listPublicCases(db(), { q: 'hidden' })
    expect(cases).toEqual([])
    expect((await listPublicCases(db(), { q: 'shown' })).cases.map((c) => c.slug)).toEqual([
      shown.slug,
    ])
  })

  it('gives no sensitive column at all', async () => {
    const made = await makePublic({
      fullName: 'Column Check',
      internalNotes: 'secret note',
      grounds: ['sexual_orientation'],
      gender: 'female',
      dateOfBirth: '1990-01-02',
      dateOfBirthPrecision: 'day',
    })
    const page = await getPublicCase(db(), { slug: made.slug, today: TODAY })
    expect(Object.keys(page!.case).sort()).toEqual(
      ['aliases', 'country', 'name', 'region', 'slug', 'summary'].sort(),
    )
    expect(JSON.stringify(page)).not.toMatch(/secret note|sexual|female|1990/)
    const listed = (await listPublicCases(db(), { q: 'column check' })).cases[0]!
    expect(Object.keys(listed).sort()).toEqual(
      ['aliases', 'country', 'custodyState', 'name', 'slug', 'summary'].sort(),
    )
  })

  it('shows confirmed events only, and derives the state and days from them', async () => {
    const made = await makePublic({ fullName: 'Timeline Person' })
    const kept = await source('Kept source')
    const shared = await source('Shared with a hidden case')
    const hidden = await makeCase(db(), { fullName: 'Other Hidden', visibility: 'restricted' })
    await event(hidden.id, { description: 'Hidden event.' }, [shared])
    // Detained in February 2025 (month precision): counted from the 28th, never overstated.
    await event(
      made.id,
      { eventDate: '2025-02-01', datePrecision: 'month', description: 'Arrested.' },
      [kept, shared],
    )
    // A later alleged release changes nothing on the public page.
    await event(made.id, {
      eventDate: '2025-06-01',
      custodyState: 'released',
      certainty: 'alleged',
      description: 'Reportedly released.',
    })
    await event(made.id, {
      eventDate: '2026-09-01',
      custodyState: null,
      legalStage: 'on_trial',
      description: 'Trial opens.',
    })
    const page = (await getPublicCase(db(), { slug: made.slug, today: TODAY }))!
    expect(page.timeline.map((e) => e.description)).toEqual(['Arrested.'])
    expect(page.upcoming.map((e) => e.description)).toEqual(['Trial opens.'])
    expect(page.currentCustodyState).toBe('detained')
    // 28 February 2025 to 30 June 2026.
    expect(page.detention).toEqual({
      days: 487,
      atLeast: true,
      since: { date: '2025-02-01', precision: 'month' },
    })
    expect(page.footnotes.map((f) => f.title)).toEqual(['Kept source'])
    expect(page.timeline[0]!.footnoteNumbers).toEqual([1])
    const listed = (await listPublicCases(db(), { q: 'timeline person', today: TODAY })).cases
    expect(listed[0]!.custodyState).toBe('detained')
  })

  it('lists published documents no hidden case shares', async () => {
    const made = await makePublic({ fullName: 'Document Person' })
    const other = await makePublic({ fullName: 'Document Friend' })
    const hidden = await makeCase(db(), { fullName: 'Document Hidden', visibility: 'internal' })
    await document('Own release', 'published', [made.id])
    await document('Joint with a public case', 'published', [made.id, other.id])
    await document('Joint with a hidden case', 'published', [made.id, hidden.id])
    await document('Draft release', 'draft', [made.id])
    const page = (await getPublicCase(db(), { slug: made.slug, today: TODAY }))!
    expect(page.documents.map((d) => d.title).sort()).toEqual([
      'Joint with a public case',
      'Own release',
    ])
    const feed = await listPublicFeedEntries(db(), { limit: 500 })
    const titles = feed.flatMap((e) => (e.kind === 'document' ? [e.title] : []))
    // A document on two public cases appears once.
    expect(titles.filter((t) => t === 'Joint with a public case')).toHaveLength(1)
    expect(titles).not.toContain('Joint with a hidden case')
    expect(titles).not.toContain('Draft release')
  })

  it('shows a display name instead of the full name, and a search does not tie them', async () => {
    const made = await makePublic({
      fullName: 'Realname Secretovich',
      aliases: ['Реальное Имя'],
      displayName: 'Ana K.',
      summary: 'A teacher.',
    })
    const page = (await getPublicCase(db(), { slug: made.slug, today: TODAY }))!
    expect(page.case.name).toBe('Ana K.')
    expect(page.case.aliases).toEqual([])
    expect((await listPublicCases(db(), { q: 'secretovich' })).cases).toEqual([])
    expect((await listPublicCases(db(), { q: 'имя' })).cases).toEqual([])
    expect((await listPublicCases(db(), { q: 'ana k' })).cases.map((c) => c.slug)).toEqual([
      made.slug,
    ])
  })

  it('finds a case by a part of its name in any script', async () => {
    const made = await makePublic({ fullName: 'Идрис Арсамиков', aliases: ['Idris Arsamikov'] })
    const cn = await makePublic({ fullName: '刘晓波' })
    expect((await listPublicCases(db(), { q: 'самик' })).cases.map((c) => c.slug)).toEqual([
      made.slug,
    ])
    expect((await listPublicCases(db(), { q: 'arsam' })).cases.map((c) => c.slug)).toEqual([
      made.slug,
    ])
    expect((await listPublicCases(db(), { q: '晓波' })).cases.map((c) => c.slug)).toEqual([cn.slug])
  })

  it('pages by keyset, never more than a page at a time', async () => {
    for (let i = 0; i < PUBLIC_PAGE_SIZE + 6; i++)
      await makePublic({ fullName: `Zpage Person ${String(i).padStart(2, '0')}` })
    const first = await listPublicCases(db(), { q: 'zpage' })
    expect(first.cases).toHaveLength(PUBLIC_PAGE_SIZE)
    expect(first.nextAfter).toBe(first.cases.at(-1)!.slug)
    const second = await listPublicCases(db(), { q: 'zpage', after: first.nextAfter })
    expect(second.cases).toHaveLength(6)
    expect(second.nextAfter).toBeNull()
    const all = [...first.cases, ...second.cases].map((c) => c.slug)
    expect(new Set(all).size).toBe(PUBLIC_PAGE_SIZE + 6)
    expect(all).toEqual([...all].sort())
  })

  it('gives the feed newest change first, capped, for all or for one case', async () => {
    const made = await makePublic({ fullName: 'Feed Person' })
    await event(made.id, { description: 'First.' })
    await event(made.id, { description: 'Second.', eventDate: '2025-03-01' })
    await event(made.id, { description: 'Unconfirmed.', certainty: 'alleged' })
    await document('Feed release', 'published', [made.id])
    const own = await listPublicFeedEntries(db(), { slug: made.slug })
    expect(own.map((e) => (e.kind === 'event' ? e.description : e.title))).toEqual([
      'Feed release',
      'Second.',
      'First.',
    ])
    expect(own.every((e) => e.name === 'Feed Person')).toBe(true)
    const capped = await listPublicFeedEntries(db(), { limit: 3 })
    expect(capped).toHaveLength(3)
    const times = capped.map((e) => e.updatedAt.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })
})
