// Restricted cases leak through no reference to them: not a count in a merge preview, not a source's
// citations, not a slug, not a dashboard date; and only an admin changes who may see a case.
import { beforeAll, describe, expect, it } from 'vitest'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { listNeedsAttention } from '../../app/models/dashboard.server'
import { loader as mergePage } from '../../app/routes/actors.$actorId_.merge'
import { action as editCase, loader as editCasePage } from '../../app/routes/cases.$slug_.edit'
import { action as newCase, loader as newCasePage } from '../../app/routes/cases.new'
import { loader as sourcePage } from '../../app/routes/sources.$sourceId'
import { loader as deleteSourcePage } from '../../app/routes/sources.$sourceId_.delete'
import { PUBLIC_SLUG, caseFormFields, load, openLeakFixesWorld } from '../support/leak-fixes-world'
import { makeCase } from '../support/fixtures'
import { formPost, runAction } from '../support/routes'
import { backends, type TestDatabase } from '../support/test-database'

describe.each(backends())('restricted cases leak nowhere on %s', (backend) => {
  const world = openLeakFixesWorld(backend)
  const { insertDocument, insertAction, newActor, caseRow } = world
  let database: TestDatabase
  let admin: string
  let editor: string
  let publicCaseId: number
  let hidden: { id: number; slug: string }
  beforeAll(() => {
    ;({ database, admin, editor, publicCaseId, hidden } = world)
  })

  it('counts in a merge preview only the references the reader may see, and says others move too', async () => {
    const kept = await newActor('Kept Merge Actor')
    const removed = await newActor('Removed Merge Actor')
    const hiddenDocument = await insertDocument({
      title: 'Hidden issued document',
      caseIds: [hidden.id],
      issuerId: removed,
    })
    await database.db
      .insertInto('documentQuotes')
      .values({ documentId: hiddenDocument, actorId: removed, body: 'A hidden quote.' })
      .execute()
    await insertAction({
      title: 'Hidden action',
      actionDate: '2024-04-01',
      caseIds: [hidden.id],
      actorId: removed,
    })
    await insertAction({
      title: 'Open action',
      actionDate: '2024-04-02',
      caseIds: [publicCaseId],
      targetId: removed,
    })
    const path = `/actors/${kept}/merge?duplicate=${removed}`
    const seen = await load(mergePage, path, editor, { actorId: String(kept) })
    expect(seen.data.preview.moves).toEqual({
      quotes: 0,
      documents: 0,
      actionsAsActor: 0,
      actionsAsTarget: 1,
      sponsorships: 0,
      sponsorshipsAlreadyKept: 0,
    })
    expect(seen.data.preview.movesNotShown).toBe(true)

    const alone = await newActor('Alone Merge Actor')
    const plain = await load(mergePage, `/actors/${kept}/merge?duplicate=${alone}`, editor, {
      actorId: String(kept),
    })
    expect(plain.data.preview.movesNotShown).toBe(false)
  })

  it('sends on a source page only the citations the reader may see, never a total', async () => {
    const { id: sourceId } = await database.db
      .insertInto('sources')
      .values({
        title: 'Source cited mostly for the hidden case',
        publisher: null,
        publishedOn: null,
        publishedPrecision: null,
        url: null,
        archivedUrl: null,
        accessedOn: null,
        createdBy: null,
        updatedBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await database.db
      .insertInto('citations')
      .values([
        { sourceId, caseId: hidden.id, createdBy: null, updatedBy: null },
        { sourceId, caseId: hidden.id, createdBy: null, updatedBy: null },
      ])
      .execute()
    const params = { sourceId: String(sourceId) }
    // Cited only for the hidden case, the source itself is hidden (ADR 008, addendum).
    expect((await load(sourcePage, `/sources/${sourceId}`, editor, params)).status).toBe(404)
    await database.db
      .insertInto('citations')
      .values({ sourceId, caseId: publicCaseId, createdBy: null, updatedBy: null })
      .execute()
    const seen = await load(sourcePage, `/sources/${sourceId}`, editor, params)
    expect(seen.status).toBe(200)
    expect(seen.data.source).not.toHaveProperty('citationCount')
    expect(seen.data.source.cases.map((c: { slug: string }) => c.slug)).toEqual([PUBLIC_SLUG])
    const deletion = await load(deleteSourcePage, `/sources/${sourceId}/delete`, editor, params)
    expect(deletion.data).not.toHaveProperty('citationCount')
    expect(deletion.data).toMatchObject({ cited: true, citedElsewhere: true })
    expect(deletion.data.citedFor).toHaveLength(1)
    const { id: _id, ...told } = deletion.data
    expect(JSON.stringify(told)).not.toMatch(/:[23][,}]/)
  })

  it('gives a new case a slug that says nothing of a hidden case of the same name', async () => {
    const created = async (fullName: string) => {
      const result = await runAction(
        newCase,
        formPost('/cases/new', editor, caseFormFields({ fullName })),
      )
      expect(result.status).toBe(302)
      return result.location!.replace('/cases/', '')
    }
    const clash = await created('Hidden Person')
    const fresh = await created('Fresh Person')
    expect(clash).not.toBe('hidden-person-2')
    expect(clash).toMatch(/^hidden-person-[a-z0-9]{6}$/)
    expect(fresh).toMatch(/^fresh-person-[a-z0-9]{6}$/)
  })

  it('dates the latest activity on the dashboard by the actions the reader may see', async () => {
    const quiet = await makeCase(database.db, {
      fullName: 'Quiet Detainee',
      visibility: 'internal',
    })
    await recordStatusEvent(database.db, {
      actor: { userId: null },
      caseId: quiet.id,
      fields: {
        eventDate: '2020-01-10',
        datePrecision: 'day',
        custodyState: 'detained',
        legalStage: null,
        releaseReason: null,
        location: null,
        description: 'Detained.',
        certainty: 'confirmed',
      },
    })
    await insertAction({
      title: 'Recent hidden action',
      actionDate: '2024-06-01',
      caseIds: [quiet.id, hidden.id],
    })
    const viewerRow = await database.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('email', '=', 'viewer@example.org')
      .executeTakeFirstOrThrow()
    const attention = await listNeedsAttention(database.db, {
      viewer: viewerRow,
      today: '2024-06-10',
      days: 30,
      limit: 1000,
    })
    expect(attention.find((row) => row.id === quiet.id)?.lastActivityDate).toBe('2020-01-10')
  })

  it('keeps visibility and consent as they are when an editor posts other values', async () => {
    const target = await makeCase(database.db, {
      fullName: 'Guarded Person',
      visibility: 'internal',
    })
    const { version } = await database.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow()
    const edited = await runAction(
      editCase,
      formPost(`/cases/${target.slug}/edit`, editor, {
        ...caseFormFields({ fullName: 'Guarded Person', summary: 'Edited by an editor.' }),
        visibility: 'public',
        consent: 'given',
        version: String(version),
      }),
      { slug: target.slug },
    )
    expect(edited.status).toBe(302)
    expect(await caseRow(target.slug)).toEqual({ visibility: 'internal', consent: 'unknown' })

    const created = await runAction(
      newCase,
      formPost(
        '/cases/new',
        editor,
        caseFormFields({ fullName: 'Editor Made', visibility: 'public', consent: 'given' }),
      ),
    )
    expect(created.status).toBe(302)
    const slug = created.location!.replace('/cases/', '')
    expect(await caseRow(slug)).toEqual({ visibility: 'internal', consent: 'unknown' })

    // The form shows both read-only to an editor; an admin may change them.
    const form = await load(editCasePage, `/cases/${target.slug}/edit`, editor, {
      slug: target.slug,
    })
    expect(form.data.canManageAccess).toBe(false)
    expect((await load(newCasePage, '/cases/new', editor)).data.canManageAccess).toBe(false)
    const byAdmin = await runAction(
      editCase,
      formPost(`/cases/${target.slug}/edit`, admin, {
        ...caseFormFields({ fullName: 'Guarded Person', summary: 'Edited by an editor.' }),
        visibility: 'restricted',
        consent: 'refused',
        version: String(version + 1),
      }),
      { slug: target.slug },
    )
    expect(byAdmin.status).toBe(302)
    expect(await caseRow(target.slug)).toEqual({ visibility: 'restricted', consent: 'refused' })
  })
})
