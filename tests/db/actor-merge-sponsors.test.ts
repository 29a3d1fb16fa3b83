// The actor merge preview counts the sponsorships that would move (issue 13 §4), only of cases the
// reader may see: a sponsorship of a restricted case without a grant is not counted, only said to
// exist ("also referenced in records you do not have access to"); a case the kept actor already
// sponsors is counted apart. Then the merge moves them. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActorFields } from '../../app/domain/actor-schema'
import { createActor } from '../../app/models/actor.server'
import { mergeActors, previewMerge } from '../../app/models/actor-merge.server'
import { addCaseSponsor } from '../../app/models/case-sponsor.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const mep = (name: string): ActorFields => ({
  kind: 'mep',
  name,
  politicalGroup: null,
  roles: [],
  committees: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
  notes: '',
})

describe.each(backends())('merge preview of sponsorships on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }
  const admin = { id: 0, role: 'admin' as const }
  const ids: Record<string, number> = {}
  const actor = () => ({ userId: editor.id, requestId: 'test' })

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const db = database.db
    editor = { id: (await makeUser(db, 'editor')).id, role: 'editor' }
    ids.kept = (await createActor(db, { actor: actor(), fields: mep('Anna Kept') })).id
    ids.dup = (await createActor(db, { actor: actor(), fields: mep('Anna Duplicate') })).id
    ids.a = (await makeCase(db, { fullName: 'Visible A' })).id
    ids.b = (await makeCase(db, { fullName: 'Visible B' })).id
    ids.both = (await makeCase(db, { fullName: 'Sponsored by both' })).id
    ids.hidden = (await makeCase(db, { fullName: 'Hidden C', visibility: 'restricted' })).id
    const sponsor = (caseId: number, actorId: number, note: string) =>
      addCaseSponsor(db, { actor: actor(), viewer: admin, caseId, actorId, since: null, note })
    await sponsor(ids.a, ids.dup, 'a')
    await sponsor(ids.b, ids.dup, 'b')
    await sponsor(ids.both, ids.dup, 'duplicate entry')
    await sponsor(ids.both, ids.kept, 'kept entry')
    await sponsor(ids.hidden, ids.dup, 'hidden')
  })
  afterAll(() => database.close())

  it('counts for an editor without a grant only what they may see, and says more moves', async () => {
    const preview = await previewMerge(database.db, {
      keptId: ids.kept!,
      removedId: ids.dup!,
      viewer: editor,
    })
    expect(preview?.moves).toMatchObject({ sponsorships: 2, sponsorshipsAlreadyKept: 1 })
    expect(preview?.movesNotShown).toBe(true)
  })

  it('counts every sponsorship for an admin, with nothing left unshown', async () => {
    const preview = await previewMerge(database.db, {
      keptId: ids.kept!,
      removedId: ids.dup!,
      viewer: admin,
    })
    expect(preview?.moves).toMatchObject({ sponsorships: 3, sponsorshipsAlreadyKept: 1 })
    expect(preview?.movesNotShown).toBe(false)
  })

  it('the merge moves what the preview counted, and keeps the kept actor’s own entry', async () => {
    const db = database.db
    const version = async (id: number) =>
      (
        await db
          .selectFrom('actors')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version
    const result = await mergeActors(db, {
      actor: actor(),
      viewer: admin,
      keptId: ids.kept!,
      removedId: ids.dup!,
      keptVersion: await version(ids.kept!),
      removedVersion: await version(ids.dup!),
    })
    expect(result.ok).toBe(true)
    const rows = await db
      .selectFrom('caseSponsors')
      .select(['caseId', 'actorId', 'note'])
      .where('caseId', 'in', [ids.a!, ids.b!, ids.both!, ids.hidden!])
      .orderBy('caseId')
      .execute()
    expect(rows).toEqual([
      { caseId: ids.a, actorId: ids.kept, note: 'a' },
      { caseId: ids.b, actorId: ids.kept, note: 'b' },
      { caseId: ids.both, actorId: ids.kept, note: 'kept entry' },
      { caseId: ids.hidden, actorId: ids.kept, note: 'hidden' },
    ])
  })
})
