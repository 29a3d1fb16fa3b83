// Small builders for database tests: users, cases and actors made through the real model functions,
// and the fields of each form filled with plain values that a test overrides where it matters.
import { TEST_PASSWORD } from './routes'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ActionFields } from '../../app/domain/action-schema'
import type { ActorFields } from '../../app/domain/actor-schema'
import type { DocumentFields } from '../../app/domain/document-schema'
import type { SourceFields } from '../../app/domain/source-schema'
import type { CaseFields } from '../../app/models/case.server'
import type { StatusEventFields } from '../../app/models/status-event.server'
import { createActor } from '../../app/models/actor.server'
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

export const documentFields = (overrides: Partial<DocumentFields> = {}): DocumentFields => ({
  kind: 'press_release',
  title: 'A document',
  place: 'Brussels',
  documentDate: '2024-03-01',
  datePrecision: 'day',
  issuerId: null,
  language: 'en',
  body: 'Body text.',
  url: null,
  status: 'published',
  ...overrides,
})

export const actorFields = (overrides: Partial<ActorFields> = {}): ActorFields => ({
  kind: 'mep',
  name: 'An Actor',
  politicalGroup: null,
  roles: [],
  committees: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
  notes: '',
  ...overrides,
})

export const sourceFields = (overrides: Partial<SourceFields> = {}): SourceFields => ({
  title: 'A source',
  publisher: 'A publisher',
  publishedOn: '2024-01-10',
  publishedPrecision: 'day',
  url: null,
  archivedUrl: null,
  accessedOn: null,
  kind: 'news',
  reliability: 'medium',
  ...overrides,
})

export const eventFields = (overrides: Partial<StatusEventFields> = {}): StatusEventFields => ({
  eventDate: '2024-02-01',
  datePrecision: 'day',
  custodyState: 'detained',
  legalStage: 'under_investigation',
  releaseReason: null,
  location: null,
  description: 'Detained.',
  certainty: 'confirmed',
  ...overrides,
})

export const actionFields = (overrides: Partial<ActionFields> = {}): ActionFields => ({
  kind: 'letter_to_authorities',
  title: 'A letter',
  actionDate: '2024-03-05',
  datePrecision: 'day',
  actorId: null,
  targetId: null,
  documentId: null,
  response: 'none',
  outcomeNotes: '',
  ...overrides,
})

export async function makeActor(db: Kysely<Database>, overrides: Partial<ActorFields> = {}) {
  return createActor(db, { actor: { userId: null }, fields: actorFields(overrides) })
}
