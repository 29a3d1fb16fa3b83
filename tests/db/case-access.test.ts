// Grants and revokes of access to a restricted case: one audit row each, written in the same
// transaction as the change, and the visibility rule every case query shares follows them.
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Role } from '../../app/domain/vocabularies'
import {
  grantCaseAccess,
  listCaseAccess,
  listGrantableUsers,
  revokeCaseAccess,
} from '../../app/models/case-access.server'
import { createCase, getCaseForUser, type CaseFields } from '../../app/models/case.server'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const FIELDS: CaseFields = {
  fullName: 'Jane Restricted',
  aliases: [],
  displayName: null,
  country: 'Nowhere',
  region: null,
  nationality: null,
  grounds: ['activism'],
  riskLevel: 'high',
  summary: '',
  internalNotes: '',
  visibility: 'restricted',
  consent: 'unknown',
  ownerId: null,
}

describe.each(backends())('case access on %s', (backend) => {
  let database: TestDatabase
  let caseId: number
  let slug: string
  const users: Record<string, { id: number; role: Role }> = {}
  const actor = () => ({ userId: users.admin!.id, requestId: 'test-request' })

  async function addUser(key: string, role: Role, disabled = false) {
    const row = await database.db
      .insertInto('users')
      .values({
        email: `${key}@example.org`,
        name: `User ${key}`,
        role,
        passwordHash: 'not-a-real-hash',
        disabledAt: disabled ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    users[key] = { id: row.id, role }
  }

  const accessAudits = () =>
    database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', 'in', ['grant', 'revoke'])
      .orderBy('id')
      .execute()

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    await addUser('admin', 'admin')
    await addUser('editor', 'editor')
    await addUser('viewer', 'viewer')
    await addUser('gone', 'viewer', true)
    const created = await createCase(database.db, { actor: actor(), fields: FIELDS })
    caseId = created.id
    slug = created.slug
  })
  afterAll(async () => {
    await database.close()
  })
  beforeEach(async () => {
    await database.db.deleteFrom('caseAccess').execute()
  })

  it('a grant writes the access row and exactly one audit row; granting twice changes nothing', async () => {
    const before = (await accessAudits()).length
    const first = await grantCaseAccess(database.db, {
      actor: actor(),
      caseId,
      userId: users.viewer!.id,
    })
    expect(first).toEqual({ ok: true, status: 'granted', name: 'User viewer (viewer@example.org)' })
    const second = await grantCaseAccess(database.db, {
      actor: actor(),
      caseId,
      userId: users.viewer!.id,
    })
    expect(second).toMatchObject({ ok: true, status: 'already_granted' })

    const rows = await database.db.selectFrom('caseAccess').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ caseId, userId: users.viewer!.id, grantedBy: users.admin!.id })
    const audits = (await accessAudits()).slice(before)
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      entity: 'case',
      entityId: String(caseId),
      action: 'grant',
      caseId,
      userId: users.admin!.id,
      requestId: 'test-request',
      changes: [{ field: 'access', new: 'User viewer (viewer@example.org)' }],
    })
  })

  it('a revoke removes the row with exactly one audit row; revoking again changes nothing', async () => {
    await grantCaseAccess(database.db, { actor: actor(), caseId, userId: users.editor!.id })
    const before = (await accessAudits()).length
    const first = await revokeCaseAccess(database.db, {
      actor: actor(),
      caseId,
      userId: users.editor!.id,
    })
    expect(first).toMatchObject({ ok: true, status: 'revoked' })
    const again = await revokeCaseAccess(database.db, {
      actor: actor(),
      caseId,
      userId: users.editor!.id,
    })
    expect(again).toMatchObject({ ok: true, status: 'not_granted' })
    expect(await database.db.selectFrom('caseAccess').selectAll().execute()).toEqual([])
    const audits = (await accessAudits()).slice(before)
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      action: 'revoke',
      caseId,
      changes: [{ field: 'access', old: 'User editor (editor@example.org)' }],
    })
  })

  it('refuses unknown, disabled and admin users, writing nothing', async () => {
    const before = (await accessAudits()).length
    for (const userId of [999_999, users.gone!.id, users.admin!.id]) {
      await expect(
        grantCaseAccess(database.db, { actor: actor(), caseId, userId }),
      ).resolves.toEqual({ ok: false, reason: 'unknown_user' })
    }
    await expect(
      revokeCaseAccess(database.db, { actor: actor(), caseId, userId: 999_999 }),
    ).resolves.toEqual({ ok: false, reason: 'unknown_user' })
    expect(await database.db.selectFrom('caseAccess').selectAll().execute()).toEqual([])
    expect(await accessAudits()).toHaveLength(before)
  })

  it('the grant and its audit row are one transaction: a failing audit write undoes the grant', async () => {
    await sql`CREATE FUNCTION refuse_access_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action IN ('grant', 'revoke') THEN RAISE EXCEPTION 'audit refused'; END IF;
        RETURN NEW;
      END $$`.execute(database.db)
    await sql`CREATE TRIGGER refuse_access_audit BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_access_audit()`.execute(database.db)
    try {
      await expect(
        grantCaseAccess(database.db, { actor: actor(), caseId, userId: users.viewer!.id }),
      ).rejects.toThrow(/audit refused/)
      expect(await database.db.selectFrom('caseAccess').selectAll().execute()).toEqual([])
    } finally {
      await sql`DROP TRIGGER refuse_access_audit ON audit_events`.execute(database.db)
    }
    await grantCaseAccess(database.db, { actor: actor(), caseId, userId: users.viewer!.id })
    await sql`CREATE TRIGGER refuse_access_audit BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_access_audit()`.execute(database.db)
    try {
      await expect(
        revokeCaseAccess(database.db, { actor: actor(), caseId, userId: users.viewer!.id }),
      ).rejects.toThrow(/audit refused/)
      expect(await database.db.selectFrom('caseAccess').selectAll().execute()).toHaveLength(1)
    } finally {
      await sql`DROP TRIGGER refuse_access_audit ON audit_events`.execute(database.db)
      await sql`DROP FUNCTION refuse_access_audit()`.execute(database.db)
    }
  })

  it('lists grants with who granted them, and offers only active editors and viewers without one', async () => {
    await grantCaseAccess(database.db, { actor: actor(), caseId, userId: users.viewer!.id })
    const grants = await listCaseAccess(database.db, { caseId })
    expect(grants).toHaveLength(1)
    expect(grants[0]).toMatchObject({
      userId: users.viewer!.id,
      name: 'User viewer',
      email: 'viewer@example.org',
      role: 'viewer',
      grantedByName: 'User admin',
    })
    expect(grants[0]!.grantedAt).toBeInstanceOf(Date)
    const candidates = await listGrantableUsers(database.db, { caseId })
    expect(candidates.map((user) => user.id)).toEqual([users.editor!.id])
  })

  it('a granted user sees the restricted case; after the revoke they do not', async () => {
    const viewer = { id: users.viewer!.id, role: 'viewer' as const }
    expect(await getCaseForUser(database.db, { slug, viewer })).toBeUndefined()
    await grantCaseAccess(database.db, { actor: actor(), caseId, userId: viewer.id })
    expect(await getCaseForUser(database.db, { slug, viewer })).toMatchObject({ id: caseId })
    await revokeCaseAccess(database.db, { actor: actor(), caseId, userId: viewer.id })
    expect(await getCaseForUser(database.db, { slug, viewer })).toBeUndefined()
  })
})
