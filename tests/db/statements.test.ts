// Over 300 lines: saving and publishing build on the draft the earlier tests save, in one database
// per backend.
// Statements against the real schema, on PGlite and PostgreSQL: loading the seeded case's facts,
// saving a draft (document, case link, citations, audit), publishing it (action, case link,
// audit), and noticing when the case changed after the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../db/seed'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { getStatementStaleness } from '../../app/models/statement-staleness.server'
import {
  getStatementSetup,
  publishStatement,
  saveStatementDraft,
  type StatementSetup,
} from '../../app/models/statement.server'
import { runGenerator } from '../../app/statements/generate'
import { extractUneditedQuotes, splitEditedMarkdown } from '../../app/statements/render-markdown'
import { makeCase } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const TODAY = '2025-01-15'

describe.each(backends())('statements on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }
  let viewer: { id: number; role: 'viewer' }
  let setup: StatementSetup

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    await seedDatabase(database.db, { password: 'seed-password-123' })
    const users = await database.db.selectFrom('users').select(['id', 'role']).execute()
    editor = { id: users.find((u) => u.role === 'editor')!.id, role: 'editor' }
    viewer = { id: users.find((u) => u.role === 'viewer')!.id, role: 'viewer' }
    setup = (await getStatementSetup(database.db, {
      slug: 'idris-arsamikov',
      viewer,
      today: TODAY,
    }))!
  })
  afterAll(() => database.close())

  const actorId = (name: string) => setup.actors.find((a) => a.name === name)!.id

  async function saveDraft(params: Record<string, string> = {}) {
    const outcome = runGenerator({ ...setup, params: new URLSearchParams(params), today: TODAY })
    if (!outcome.result?.ok) throw new Error('expected a statement')
    const { statement, markdown } = outcome.result
    const extracted = extractUneditedQuotes(markdown, statement)
    const { title, body } = splitEditedMarkdown(extracted.markdown)
    const saved = await saveStatementDraft(database.db, {
      actor: { userId: editor.id, requestId: 'test' },
      input: {
        caseId: setup.record.id,
        caseVersion: setup.caseData.version,
        template: statement.template,
        language: statement.language,
        title: title!,
        body,
        place: outcome.values.place,
        date: outcome.values.date,
        issuerId: Number(outcome.values.issuer) || null,
        sourceIds: statement.footnotes.map((f) => f.sourceId),
        quotes: extracted.quotes,
      },
    })
    return { ...saved, statement }
  }

  it('loads the seeded case’s facts, actors and defaults from earlier documents', () => {
    expect(setup.caseData.events).toHaveLength(5)
    expect(setup.caseData.sources.map((s) => s.publisher).sort()).toEqual([
      'European Parliament',
      'The Moscow Times',
    ])
    expect(setup.defaults.issuerId).toBe(actorId('LGBTI Intergroup'))
    expect(setup.defaults.targetId).toBe(actorId('Chechen authorities'))
    expect(setup.defaults.quotedMeps.map((q) => q.actorId)).toEqual([
      actorId('Malin Björk'),
      actorId('Fabio Massimo Castaldo'),
    ])
    expect(setup.defaults.quotedMeps[0]!.quote).toMatch(/^The prosecution of gay men/)
    expect(setup.defaults.contactIds.sort()).toEqual(
      [actorId('Charlotta Narvehed'), actorId('Francesca Acampora')].sort(),
    )
  })

  it('generates the press release from the database with its two footnotes', () => {
    const outcome = runGenerator({ ...setup, params: new URLSearchParams(), today: TODAY })
    expect(outcome.result?.ok).toBe(true)
    if (!outcome.result?.ok) return
    expect(outcome.result.statement.headline).toBe(
      'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
    )
    expect(outcome.result.statement.footnotes.map((f) => f.text)).toEqual([
      expect.stringMatching(/^European Parliament, /),
      expect.stringMatching(/^The Moscow Times, /),
    ])
  })

  it('saves a draft: the document, its case link, its footnotes as citations, audit rows', async () => {
    const { id, statement } = await saveDraft()
    const document = await database.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(document).toMatchObject({
      kind: 'press_release',
      status: 'draft',
      template: 'press_release',
      language: 'en',
      title: statement.headline,
      generatedFromCaseId: setup.record.id,
      generatedFromCaseVersion: setup.caseData.version,
      issuerId: actorId('LGBTI Intergroup'),
      createdBy: editor.id,
    })
    expect(document.body).toContain('authorities.[1]')
    const links = await database.db
      .selectFrom('documentCases')
      .selectAll()
      .where('documentId', '=', id)
      .execute()
    expect(links).toEqual([{ documentId: id, caseId: setup.record.id }])
    const citations = await database.db
      .selectFrom('citations')
      .select(['sourceId', 'documentId', 'caseId', 'statusEventId'])
      .where('documentId', '=', id)
      .orderBy('id')
      .execute()
    expect(citations.map((c) => c.sourceId)).toEqual(statement.footnotes.map((f) => f.sourceId))
    expect(citations.every((c) => c.caseId === null && c.statusEventId === null)).toBe(true)
    const quotes = await database.db
      .selectFrom('documentQuotes')
      .select(['actorId', 'speakerLabel', 'position'])
      .where('documentId', '=', id)
      .orderBy('position')
      .execute()
    expect(quotes).toEqual([
      expect.objectContaining({ actorId: actorId('Malin Björk'), position: 0 }),
      expect.objectContaining({ actorId: actorId('Fabio Massimo Castaldo'), position: 1 }),
    ])
    expect(quotes[0]!.speakerLabel).toMatch(/^Malin Björk MEP \(The Left\), .*comments:$/)
    expect(document.body).not.toContain('Malin Björk MEP')
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['entity', 'action', 'userId'])
      .where('requestId', '=', 'test')
      .where('caseId', '=', setup.record.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual([
      'document:create',
      'document_case:create',
      'document_quote:create',
      'document_quote:create',
      'citation:create',
      'citation:create',
    ])
    expect(audit.every((a) => a.userId === editor.id)).toBe(true)
  })

  it('publishes a draft once: status, the matching action linked to the case, audit rows', async () => {
    const { id } = await saveDraft({ template: 'letter' })
    const actor = { userId: editor.id, requestId: 'publish-test' }
    const target = actorId('Chechen authorities')
    const result = await publishStatement(database.db, {
      actor,
      viewer: editor,
      caseId: setup.record.id,
      documentId: id,
      targetId: target,
      actionDate: '2025-01-15',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const action = await database.db
      .selectFrom('advocacyActions')
      .selectAll()
      .where('id', '=', result.actionId)
      .executeTakeFirstOrThrow()
    expect(action).toMatchObject({
      kind: 'letter_to_authorities',
      documentId: id,
      targetId: target,
      actorId: actorId('LGBTI Intergroup'),
      actionDate: '2025-01-15',
    })
    const links = await database.db
      .selectFrom('actionCases')
      .selectAll()
      .where('actionId', '=', result.actionId)
      .execute()
    expect(links).toEqual([{ actionId: result.actionId, caseId: setup.record.id }])
    const document = await database.db
      .selectFrom('documents')
      .select(['status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(document).toEqual({ status: 'published', version: 2 })
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['entity', 'action'])
      .where('requestId', '=', 'publish-test')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual([
      'document:update',
      'advocacy_action:create',
    ])
    const again = await publishStatement(database.db, {
      actor,
      viewer: editor,
      caseId: setup.record.id,
      documentId: id,
      targetId: null,
      actionDate: '2025-01-15',
    })
    expect(again).toEqual({ ok: false, reason: 'already_published' })
  })

  it.each([
    ['mep_statement', 'media_or_oped'],
    ['written_question', 'parliamentary_question'],
    ['social_post', 'social_campaign'],
    ['press_release', 'press_release'],
  ])('records a %s as a %s action', async (template, kind) => {
    const { id } = await saveDraft({ template, link: 'https://example.org/x' })
    const result = await publishStatement(database.db, {
      actor: { userId: editor.id },
      viewer: editor,
      caseId: setup.record.id,
      documentId: id,
      targetId: null,
      actionDate: '2025-01-15',
    })
    if (!result.ok) throw new Error(result.reason)
    const action = await database.db
      .selectFrom('advocacyActions')
      .select('kind')
      .where('id', '=', result.actionId)
      .executeTakeFirstOrThrow()
    expect(action.kind).toBe(kind)
  })

  it('refuses to publish a draft through another case, or a target that is no actor', async () => {
    const { id } = await saveDraft()
    const other = await makeCase(database.db, { fullName: 'Other Person', visibility: 'public' })
    const base = {
      actor: { userId: editor.id },
      viewer: editor,
      documentId: id,
      actionDate: '2025-01-15',
    }
    expect(
      await publishStatement(database.db, { ...base, caseId: other.id, targetId: null }),
    ).toEqual({
      ok: false,
      reason: 'not_found',
    })
    expect(
      await publishStatement(database.db, { ...base, caseId: setup.record.id, targetId: 999_999 }),
    ).toEqual({
      ok: false,
      reason: 'unknown_target',
    })
    const unchanged = await database.db
      .selectFrom('documents')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(unchanged.status).toBe('draft')
  })

  it('says a draft is stale once the timeline changed, and what changed', async () => {
    const { id } = await saveDraft()
    expect(await getStatementStaleness(database.db, { documentId: id, viewer })).toMatchObject({
      stale: false,
      caseSlug: 'idris-arsamikov',
    })
    await recordStatusEvent(database.db, {
      actor: { userId: editor.id },
      caseId: setup.record.id,
      fields: {
        eventDate: '2024-03-03',
        datePrecision: 'day',
        custodyState: 'released',
        legalStage: null,
        releaseReason: 'other',
        location: null,
        description: 'Released.',
        certainty: 'confirmed',
      },
    })
    const staleness = await getStatementStaleness(database.db, { documentId: id, viewer })
    expect(staleness).toMatchObject({
      stale: true,
      message: 'The case changed after this draft: released on 3 March 2024.',
      regenerateHref: '/cases/idris-arsamikov/statement?template=press_release&lang=en',
    })
  })

  it('hides a restricted case from a viewer without access', async () => {
    const hidden = await makeCase(database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
    expect(
      await getStatementSetup(database.db, { slug: hidden.slug, viewer, today: TODAY }),
    ).toBeNull()
  })
})
