// Small builders for database tests: users and cases made through the real model functions.
import { TEST_PASSWORD } from './routes'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { CaseFields } from '../../app/models/case.server'
import { createCase } from '../../app/models/case.server'
import { createUser } from '../../app/models/user.server'
import type { Role } from '../../app/domain/vocabularies'

let counter = 0

export async function makeUser(db: Kysely<Database>, role: Role, name = `${role} ${++counter}`) {
  return createUser(db, {
    email: `${role}-${++counter}@example.org`,
    name,
    role,
    password: TEST_PASSWORD,
  })
}

export function caseFields(overrides: Partial<CaseFields> = {}): CaseFields {
  return {
    fullName: 'Test Person',
    aliases: [],
    displayName: null,
    country: 'Russia',
    region: null,
    nationality: null,
    grounds: ['journalism'],
    riskLevel: 'high',
    summary: '',
    internalNotes: '',
    visibility: 'internal',
    consent: 'unknown',
    ownerId: null,
    ...overrides,
  }
}

export async function makeCase(db: Kysely<Database>, overrides: Partial<CaseFields> = {}) {
  return createCase(db, { actor: { userId: null }, fields: caseFields(overrides) })
}
