// Over 300 lines: one world built once (it takes seconds) serves the three exports' tests.
// The exports through the built app: the case list as CSV (/cases.csv), the actions list as CSV
// (/actions.csv) and a case as JSON (/cases/:slug/export.json) — filters applied, restricted case B
// absent for a reader without a grant, Excel-safe bytes (BOM, neutralised formulas), ISO partial
// dates, absolute URLs, and each file named with what and when.
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayIso } from '../../app/domain/dates'
import { exportCasesForUser } from '../../app/models/case-export.server'
import { createCase } from '../../app/models/case.server'
import { createSource } from '../../app/models/source-write.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { appRequest, ORIGIN, signInThroughApp } from '../support/app-server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { caseFields } from '../support/fixtures'
import { buildWorld, MARKER, WORLD_PASSWORD, type World } from '../support/leak-world'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type Role = 'viewer' | 'editor' | 'admin' | 'granted'
const FORMULA = '=HYPERLINK("http://evil.example","Click")'

/** The body as bytes decoded without dropping the byte-order mark. */
async function bodyOf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
}

async function csvOf(response: Response) {
  const { bytes, text } = await bodyOf(response)
  const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
  return { bytes, text, rows }
}

describe.each(backends())('exports on %s', (backend) => {
  let database: TestDatabase
  let world: World
  const cookies = {} as Record<Role, string>
  const slugs = {} as Record<'liu' | 'formula' | 'day', string>

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const db = database.db
    world = await buildWorld(db, 'exports')
    const actor = { userId: world.users.admin.id }
    const source = await createSource(db, {
      actor,
      fields: {
        title: 'Report on Liu',
        publisher: null,
        publishedOn: '2019-07-01',
        publishedPrecision: 'month',
        url: 'https://news.example/liu',
        archivedUrl: null,
        accessedOn: null,
        kind: 'news',
        reliability: 'high',
      },
    })
    if (!source.ok) throw new Error('could not create the source')
    const make = async (fields: Parameters<typeof caseFields>[0]) =>
      (await createCase(db, { actor, fields: caseFields(fields) })).slug
    slugs.liu = await make({ fullName: '刘晓波', country: 'China', summary: 'Nobel laureate.' })
    slugs.formula = await make({
      fullName: FORMULA,
      country: 'Georgia',
      aliases: ['-minus', '@at'],
      internalNotes: 'Editors only: family contact.',
    })
    slugs.day = await make({ fullName: 'Dana Dayprecise', country: 'Georgia' })
    const event = async (slug: string, eventDate: string, precision: 'day' | 'month' | 'year') => {
      const { id } = await db
        .selectFrom('cases')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
      await recordStatusEvent(db, {
        actor,
        caseId: id,
        fields: {
          eventDate,
          datePrecision: precision,
          custodyState: 'imprisoned',
          legalStage: 'sentenced',
          releaseReason: null,
          location: null,
          description: 'Imprisoned.',
          certainty: 'confirmed',
        },
        sourceIds: slug === slugs.liu ? [source.id] : [],
      })
    }
    await event(slugs.liu, '2019-01-01', 'year')
    await event(slugs.formula, '2019-07-01', 'month')
    await event(slugs.day, '2019-07-14', 'day')
    for (const role of ['viewer', 'editor', 'admin', 'granted'] as const)
      cookies[role] = await signInThroughApp(world.users[role].email, WORLD_PASSWORD)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  describe('/cases.csv', () => {
    it('is an Excel-safe UTF-8 file with a BOM, named for today', async () => {
      const response = await appRequest('/cases.csv', { cookie: cookies.viewer })
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toBe(
        `attachment; filename="cases-${todayIso()}.csv"`,
      )
      expect(response.headers.get('Cache-Control')).toMatch(/no-store/)
      const { bytes, text, rows } = await csvOf(response)
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(text).toContain('\r\n')
      const formula = rows.find((r) => r.name!.includes('HYPERLINK'))!
      expect(formula.name).toBe(`'${FORMULA}`)
      expect(formula.aliases).toBe("'-minus; @at")
      // No cell of the file starts with a formula character.
      const cells = rows.flatMap((r) => Object.values(r))
      expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([])
    })

    it('writes dates in ISO form in their own precision, and each case’s absolute URL', async () => {
      const { rows } = await csvOf(await appRequest('/cases.csv', { cookie: cookies.viewer }))
      const byName = new Map(rows.map((r) => [r.name, r]))
      expect(byName.get('刘晓波')!['detained since']).toBe('2019')
      expect(byName.get(`'${FORMULA}`)!['detained since']).toBe('2019-07')
      expect(byName.get('Dana Dayprecise')!['detained since']).toBe('2019-07-14')
      expect(byName.get('刘晓波')!['case url']).toBe(`${ORIGIN}/cases/${slugs.liu}`)
      expect(byName.get('刘晓波')!.sources).toBe('https://news.example/liu')
      expect(byName.get('刘晓波')!['custody state']).toBe('imprisoned')
      expect(byName.get('Alma Publicperson')!.grounds).toBe('journalism')
      expect(byName.get('Alma Publicperson')).toMatchObject({
        gender: 'unknown',
        'date of birth': '',
      })
    })

    it('leaves out restricted case B for readers without a grant, and shows it to those with one', async () => {
      for (const role of ['viewer', 'editor'] as const) {
        const { text, rows } = await csvOf(
          await appRequest('/cases.csv', { cookie: cookies[role] }),
        )
        expect(text).not.toContain(MARKER)
        expect(text).not.toContain(world.cases.b.slug)
        expect(rows.map((r) => r.name)).toContain('Alma Publicperson')
        expect(rows.map((r) => r.name)).toContain('Carl Internalperson')
      }
      for (const role of ['granted', 'admin'] as const) {
        const { rows } = await csvOf(await appRequest('/cases.csv', { cookie: cookies[role] }))
        expect(rows.map((r) => r.name)).toContain(world.cases.b.fullName)
      }
      // Asked for by name, B is still absent.
      const { rows } = await csvOf(
        await appRequest(`/cases.csv?q=${MARKER.toLowerCase()}`, { cookie: cookies.viewer }),
      )
      expect(rows).toEqual([])
    })

    it('applies the list’s search and filters', async () => {
      const names = async (query: string) =>
        (await csvOf(await appRequest(`/cases.csv?${query}`, { cookie: cookies.viewer }))).rows
          .map((r) => r.name)
          .sort()
      expect(await names('country=China')).toEqual(['刘晓波'])
      expect(await names('country=Georgia')).toEqual([`'${FORMULA}`, 'Dana Dayprecise'].sort())
      expect(await names('q=alma')).toEqual(['Alma Publicperson'])
      expect(await names('custody=at_risk')).toEqual(['Carl Internalperson'])
      expect(await names('country=Georgia&visibility=public')).toEqual([])
    })

    it('gives internal notes only to readers who may edit', async () => {
      const viewer = await csvOf(await appRequest('/cases.csv', { cookie: cookies.viewer }))
      expect(Object.keys(viewer.rows[0]!)).not.toContain('internal notes')
      expect(viewer.text).not.toContain('family contact')
      const editor = await csvOf(await appRequest('/cases.csv', { cookie: cookies.editor }))
      expect(editor.rows.find((r) => r.name === `'${FORMULA}`)!['internal notes']).toBe(
        'Editors only: family contact.',
      )
    })

    it('reads in batches by id without losing or repeating a case', async () => {
      const viewer = { id: world.users.admin.id, role: 'admin' as const }
      const ids = async (batchSize: number) => {
        const seen: number[] = []
        for await (const batch of exportCasesForUser(database.db, {
          viewer,
          filters: { q: '' },
          batchSize,
        }))
          seen.push(...batch.map((r) => r.id))
        return seen
      }
      const whole = await ids(1000)
      expect(whole.length).toBe(6)
      expect(await ids(2)).toEqual(whole)
      expect(await ids(1)).toEqual(whole)
    })

    it('sends a signed-out reader to sign in', async () => {
      const response = await appRequest('/cases.csv')
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toMatch(/^\/login\?/)
    })
  })

  describe('/actions.csv', () => {
    it('lists only the actions the reader may see, with its filters, dates and URLs', async () => {
      const response = await appRequest('/actions.csv', { cookie: cookies.viewer })
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Disposition')).toBe(
        `attachment; filename="actions-${todayIso()}.csv"`,
      )
      const { bytes, text, rows } = await csvOf(response)
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(text).not.toContain(MARKER)
      expect(rows.map((r) => r.title)).toEqual(['Letter for Alma'])
      expect(rows[0]).toMatchObject({
        date: '2024-03-05',
        kind: 'letter_to_authorities',
        'who acted': 'Olivia Ordinary',
        cases: 'Alma Publicperson',
        'case urls': `${ORIGIN}/cases/${world.cases.a.slug}`,
        document: 'Alma press release',
        'action url': `${ORIGIN}/actions/${world.actions.aOnly}`,
      })
      const granted = await csvOf(await appRequest('/actions.csv', { cookie: cookies.granted }))
      expect(granted.rows.map((r) => r.title).sort()).toEqual(
        ['Joint letter to the prosecutor', 'Letter for Alma', `${MARKER} Solo Letter`].sort(),
      )
    })

    it('applies the list’s filters; a case the reader may not see matches nothing', async () => {
      const titles = async (query: string, role: Role = 'granted') =>
        (await csvOf(await appRequest(`/actions.csv?${query}`, { cookie: cookies[role] }))).rows
          .map((r) => r.title)
          .sort()
      expect(await titles(`case=${world.cases.b.id}`)).toEqual(
        ['Joint letter to the prosecutor', `${MARKER} Solo Letter`].sort(),
      )
      expect(await titles('q=joint')).toEqual(['Joint letter to the prosecutor'])
      expect(await titles(`actor=${world.actors.ordinary}`)).toEqual(['Letter for Alma'])
      expect(await titles('kind=meeting')).toEqual([])
      expect(await titles(`case=${world.cases.b.id}`, 'viewer')).toEqual([])
    })
  })

  describe('/cases/:slug/export.json', () => {
    it('holds the case, its timeline with citations and sources, documents and actions', async () => {
      const response = await appRequest(`/cases/${slugs.liu}/export.json`, {
        cookie: cookies.viewer,
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toBe(
        `attachment; filename="case-${slugs.liu}-${todayIso()}.json"`,
      )
      const body = await response.json()
      expect(body).toMatchObject({
        format: 'case-tracker/case',
        formatVersion: 1,
        url: `${ORIGIN}/cases/${slugs.liu}`,
        case: { fullName: '刘晓波', country: 'China', detainedSince: '2019' },
        timeline: [{ date: '2019', custodyState: 'imprisoned', upcoming: false }],
        sources: [
          { title: 'Report on Liu', publishedOn: '2019-07', url: 'https://news.example/liu' },
        ],
      })
      expect(body.timeline[0].citations).toEqual([
        { source: body.sources[0].id, locator: null, quotedText: null },
      ])
      expect(body.case).toMatchObject({ gender: 'unknown', dateOfBirth: null })
      expect(body.case).not.toHaveProperty('internalNotes')
      expect(body.case).not.toHaveProperty('searchText')
    })

    it('leaves out what is tied to a case the reader may not see', async () => {
      const a = await (
        await appRequest(`/cases/${world.cases.a.slug}/export.json`, { cookie: cookies.viewer })
      ).text()
      expect(a).not.toContain(MARKER)
      const body = JSON.parse(a)
      expect(body.documents.map((d: { title: string }) => d.title)).toEqual(['Alma press release'])
      expect(body.actions.map((d: { title: string }) => d.title)).toEqual(['Letter for Alma'])
      const shown = JSON.parse(
        await (
          await appRequest(`/cases/${world.cases.a.slug}/export.json`, { cookie: cookies.granted })
        ).text(),
      )
      expect(shown.documents).toHaveLength(2)
      expect(shown.actions).toHaveLength(2)
    })

    it('is a 404 for a restricted case without a grant, and whole with one', async () => {
      const url = `/cases/${world.cases.b.slug}/export.json`
      for (const role of ['viewer', 'editor'] as const) {
        const response = await appRequest(url, { cookie: cookies[role] })
        expect(response.status).toBe(404)
        expect(await response.text()).not.toContain(MARKER)
      }
      const granted = await (await appRequest(url, { cookie: cookies.granted })).json()
      expect(granted.case.fullName).toBe(world.cases.b.fullName)
      expect(granted.case.internalNotes).toContain(MARKER)
      expect(granted.timeline).toHaveLength(2)
      expect(granted.sources.map((s: { title: string }) => s.title).sort()).toEqual(
        [`${MARKER} Source One`, `${MARKER} Source Two`].sort(),
      )
    })
  })
})
