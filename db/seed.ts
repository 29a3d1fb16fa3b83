// The demo data: three users and the Idris Arsamikov case, built only from the facts of the press
// release that started the product (shared/fixtures/press-release-idris-arsamikov.txt). Idempotent:
// what exists already is left alone. `npm run db:seed`; `npm start` runs it on an empty database.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { createCase, type CaseFields } from '../app/models/case.server'
import { recordStatusEvent, type StatusEventFields } from '../app/models/status-event.server'
import { createUser } from '../app/models/user.server'
import type { Role } from '../app/domain/vocabularies'
import type { Database } from './schema'
import { ARSAMIKOV_PRESS_RELEASE } from './seed-press-release'

const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.org', name: 'Demo Admin', role: 'admin' },
  { email: 'editor@example.org', name: 'Demo Editor', role: 'editor' },
  { email: 'viewer@example.org', name: 'Demo Viewer', role: 'viewer' },
]

export type SeedResult = {
  createdUsers: { email: string; role: Role; password: string }[]
  createdCase: boolean
}

async function seedUsers(db: Kysely<Database>, password: string | undefined) {
  const created: SeedResult['createdUsers'] = []
  for (const user of DEMO_USERS) {
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', user.email)
      .executeTakeFirst()
    if (exists) continue
    const userPassword = password ?? randomBytes(12).toString('base64url')
    await createUser(db, { ...user, password: userPassword })
    created.push({ email: user.email, role: user.role, password: userPassword })
  }
  return created
}

const CASE: CaseFields = {
  fullName: 'Idris Arsamikov',
  aliases: ['Идрис Арсамиков'],
  displayName: null,
  country: 'Russia',
  region: null,
  nationality: 'Russian (Chechen Republic)',
  grounds: ['sexual_orientation'],
  riskLevel: 'critical',
  summary:
    'Gay Chechen refugee who fled to the Netherlands in 2018, where he was granted refugee status, to escape ' +
    'the electroshock torture he was subjected to by authorities. After his father died he travelled to Russia, ' +
    'with the permission of the Dutch Immigration Service, to attend the funeral, and was arrested at Moscow ' +
    'airport in February 2023. Civil society organisations say he was arrested on false claims. A video surfaced ' +
    'in which he "confesses" to crimes under pressure; he faces a risk of death.',
  internalNotes: '',
  visibility: 'public',
  consent: 'unknown',
  ownerId: null,
}

type SeedEvent = { fields: StatusEventFields; sources: ('resolution' | 'moscowTimes')[] }

const EVENTS: SeedEvent[] = [
  {
    fields: {
      eventDate: '2018-01-01',
      datePrecision: 'year',
      custodyState: 'in_exile',
      legalStage: null,
      releaseReason: null,
      location: 'Netherlands',
      certainty: 'confirmed',
      description:
        'Fled Chechnya to the Netherlands, where he was granted refugee status, to escape the electroshock torture ' +
        'he was subjected to by authorities. Chechnya is known for the prosecution, arbitrary detention and torture ' +
        'of perceived gay men, which the European Parliament highlighted in 2019.',
    },
    sources: ['resolution'],
  },
  {
    fields: {
      eventDate: '2023-01-01',
      datePrecision: 'year',
      custodyState: null,
      legalStage: null,
      releaseReason: null,
      location: null,
      certainty: 'confirmed',
      description:
        'His father died. He asked the Dutch Immigration Service for permission to attend the funeral in Russia.',
    },
    sources: ['moscowTimes'],
  },
  {
    fields: {
      eventDate: '2023-02-01',
      datePrecision: 'month',
      custodyState: 'detained',
      legalStage: null,
      releaseReason: null,
      location: 'Moscow airport, Russia',
      certainty: 'confirmed',
      description:
        'Arrested at Moscow airport on arrival for the funeral. Civil society organisations say he was arrested on false claims.',
    },
    sources: ['moscowTimes'],
  },
  {
    fields: {
      eventDate: '2023-02-01',
      datePrecision: 'month',
      custodyState: null,
      legalStage: null,
      releaseReason: null,
      location: null,
      certainty: 'alleged',
      description: 'A video surfaced in which he "confesses" to crimes, reportedly under pressure.',
    },
    sources: [],
  },
  {
    fields: {
      eventDate: '2023-02-22',
      datePrecision: 'day',
      custodyState: null,
      legalStage: null,
      releaseReason: null,
      location: null,
      certainty: 'alleged',
      description:
        'According to the LGBTI Intergroup, he faces a risk of death, aggravated by the "confession" video.',
    },
    sources: [],
  },
]

async function seedArsamikovCase(db: Kysely<Database>): Promise<boolean> {
  const exists = await db
    .selectFrom('cases')
    .select('id')
    .where('slug', '=', 'idris-arsamikov')
    .executeTakeFirst()
  if (exists) return false
  const editor = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'editor@example.org')
    .executeTakeFirst()
  const actor = { userId: null, requestId: 'seed' }
  const sources = {
    resolution: await insertSource(db, {
      title: 'European Parliament resolution on the situation in Chechnya',
      publisher: 'European Parliament',
      publishedOn: '2019-02-12',
      kind: 'official',
      reliability: 'high',
    }),
    moscowTimes: await insertSource(db, {
      title: 'Russia detains Gay Chechen Refugee at Moscow Airport',
      publisher: 'The Moscow Times',
      publishedOn: '2023-02-16',
      kind: 'news',
      reliability: 'medium',
    }),
  }
  const created = await createCase(db, { actor, fields: { ...CASE, ownerId: editor?.id ?? null } })
  for (const event of EVENTS) {
    await recordStatusEvent(db, {
      actor,
      caseId: created.id,
      fields: event.fields,
      sourceIds: event.sources.map((s) => sources[s]),
    })
  }
  await ARSAMIKOV_PRESS_RELEASE.insert(db, {
    caseId: created.id,
    sourceIds: [sources.resolution, sources.moscowTimes],
  })
  return true
}

async function insertSource(
  db: Kysely<Database>,
  source: {
    title: string
    publisher: string
    publishedOn: string
    kind: 'official' | 'news'
    reliability: 'high' | 'medium'
  },
) {
  // The fixture's footnotes lost their links ("accessible at" and nothing after): kept, marked missing.
  const row = await db
    .insertInto('sources')
    .values({ ...source, publishedPrecision: 'day', url: null, urlMissing: true })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedDatabase(
  db: Kysely<Database>,
  { password }: { password?: string } = {},
): Promise<SeedResult> {
  const createdUsers = await seedUsers(db, password)
  const createdCase = await seedArsamikovCase(db)
  return { createdUsers, createdCase }
}

export function printSeedResult(result: SeedResult): void {
  if (result.createdCase) console.log('Seeded the Idris Arsamikov case.')
  if (result.createdUsers.length === 0) return
  console.log(
    '\nDemo users created (these passwords are shown once; set SEED_PASSWORD to choose one):',
  )
  for (const user of result.createdUsers)
    console.log(`  ${user.role.padEnd(6)}  ${user.email}  ${user.password}`)
  console.log('')
}

async function main() {
  const { openConfiguredDatabase } = await import('../app/utils/open-database.server')
  const { getEnv } = await import('../app/utils/env.server')
  const { migrateToLatest } = await import('./migrate')
  const handle = await openConfiguredDatabase(getEnv())
  try {
    await migrateToLatest(handle.db)
    printSeedResult(
      await seedDatabase(handle.db, { password: process.env.SEED_PASSWORD || undefined }),
    )
  } finally {
    await handle.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
