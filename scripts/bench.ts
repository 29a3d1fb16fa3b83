// `npm run bench`: how fast the busiest reads are on a realistic amount of data. Loads N cases (default
// 2,000, each with a five-event sourced timeline) into a fresh in-memory PGlite — and into PostgreSQL
// too when BENCH_DATABASE_URL is set — then times each read many times and prints medians.
// Figures are medians because this machine is noisy; compare ratios between runs, not absolutes.
import { performance } from 'node:perf_hooks'
import { sql, type Kysely } from 'kysely'
import { migrateToLatest } from '../db/migrate'
import type { Database } from '../db/schema'
import { deriveCaseState } from '../app/domain/status'
import { caseSearchText } from '../app/domain/text'
import { CUSTODY_STATES, GROUNDS, RISK_LEVELS } from '../app/domain/vocabularies'
import { countCasesByCustodyState } from '../app/models/dashboard.server'
import { countCaseFacets, listCasesForUser } from '../app/models/case-list.server'
import { getCasePage } from '../app/models/case-page.server'
import { openPgliteInMemory, openPostgres, type DatabaseHandle } from '../app/utils/database.server'

const CASES = Number(process.env.BENCH_CASES ?? 2000)
const RUNS = Number(process.env.BENCH_RUNS ?? 30)

// A small deterministic generator, so every run measures the same data.
function prng(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648
}

async function load(db: Kysely<Database>) {
  const random = prng(42)
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!
  const user = await db
    .insertInto('users')
    .values({ email: 'bench@example.org', name: 'Bench', role: 'editor', passwordHash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const source = await db
    .insertInto('sources')
    .values({ title: 'Bench source', publisher: 'Bench', url: 'https://bench.example.org/1' })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (let start = 0; start < CASES; start += 200) {
    const batch = Array.from({ length: Math.min(200, CASES - start) }, (_, i) => {
      const n = start + i
      const fullName = `Person ${n} ${pick(['Ivanova', 'Arsamikov', 'Kaya', 'Haddad', 'Nowak'])}`
      return {
        slug: `person-${n}`,
        fullName,
        aliases: [`Лицо ${n}`],
        country: pick(['Russia', 'Belarus', 'Turkey', 'Iran', 'Egypt']),
        grounds: [pick(GROUNDS)],
        riskLevel: pick(RISK_LEVELS),
        visibility: n % 10 === 0 ? ('restricted' as const) : ('internal' as const),
        summary: `Case number ${n}.`,
        searchText: caseSearchText({
          fullName,
          aliases: [`Лицо ${n}`],
          summary: `Case number ${n}.`,
        }),
        ownerId: user.id,
      }
    })
    const cases = await db.insertInto('cases').values(batch).returning('id').execute()
    const events = cases.flatMap(({ id }) =>
      Array.from({ length: 5 }, (_, k) => ({
        caseId: id,
        eventDate: `${2019 + k}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        datePrecision: 'day' as const,
        custodyState: pick(CUSTODY_STATES),
        description: `Event ${k}`,
        certainty: 'confirmed' as const,
      })),
    )
    const inserted = await db
      .insertInto('statusEvents')
      .values(events)
      .returning([
        'id',
        'caseId',
        'eventDate',
        'datePrecision',
        'createdAt',
        'custodyState',
        'legalStage',
      ])
      .execute()
    await db
      .insertInto('citations')
      .values(inserted.map((e) => ({ sourceId: source.id, statusEventId: e.id })))
      .execute()
    for (const { id } of cases) {
      const derived = deriveCaseState(
        inserted.filter((e) => e.caseId === id),
        '2026-01-01',
      )
      await db
        .updateTable('cases')
        .set({
          currentCustodyState: derived.currentCustodyState,
          detainedSince: derived.detainedSince?.date ?? null,
          detainedSincePrecision: derived.detainedSince?.precision ?? null,
        })
        .where('id', '=', id)
        .execute()
    }
  }
  await sql`analyze`.execute(db)
  return { viewer: { id: user.id, role: 'editor' as const } }
}

async function time(label: string, run: () => Promise<unknown>) {
  await run()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!
  return { label, median: at(0.5), p90: at(0.9) }
}

async function bench(name: string, handle: DatabaseHandle) {
  const { db } = handle
  await migrateToLatest(db)
  const loadStarted = performance.now()
  const { viewer } = await load(db)
  console.log(
    `\n${name}: loaded ${CASES} cases, ${CASES * 5} events in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`,
  )
  const filters = { q: '' }
  const results = [
    await time('case list, page 1 (updated)', () => listCasesForUser(db, { viewer, filters })),
    await time('case list, sorted by detention', () =>
      listCasesForUser(db, { viewer, filters, sort: 'detention' }),
    ),
    await time('case list, search "arsam"', () =>
      listCasesForUser(db, { viewer, filters: { q: 'arsam' } }),
    ),
    await time('case list, search Cyrillic "лицо 12"', () =>
      listCasesForUser(db, { viewer, filters: { q: 'лицо 12' } }),
    ),
    await time('filter counts (7 facets)', () => countCaseFacets(db, { viewer, filters })),
    await time('case page (case, timeline, footnotes)', () =>
      getCasePage(db, { slug: 'person-7', viewer }),
    ),
    await time('dashboard counts by custody state', () => countCasesByCustodyState(db, { viewer })),
  ]
  console.log('| read | median ms | p90 ms |\n| --- | ---: | ---: |')
  for (const r of results)
    console.log(`| ${r.label} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} |`)
}

async function main() {
  const pglite = await openPgliteInMemory()
  try {
    await bench('PGlite (in memory)', pglite)
  } finally {
    await pglite.close()
  }
  console.log(
    `\nResident memory after the PGlite run: ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB`,
  )
  const url = process.env.BENCH_DATABASE_URL
  if (url) {
    const { default: pg } = await import('pg')
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query('DROP DATABASE IF EXISTS case_tracker_bench')
    await admin.query('CREATE DATABASE case_tracker_bench')
    const target = new URL(url)
    target.pathname = '/case_tracker_bench'
    const postgres = openPostgres(target.toString())
    try {
      await bench('PostgreSQL', postgres)
    } finally {
      await postgres.close()
      await admin.query('DROP DATABASE IF EXISTS case_tracker_bench')
      await admin.end()
    }
  } else {
    console.log('\n(Set BENCH_DATABASE_URL=postgres://… to run the same reads on PostgreSQL.)')
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
