// A batch of planned rows checked against the database and against the rows before it: which
// existing case each row updates (by slug, or by exact name and country, among the cases the
// importer may see), which links are in the library already, which rows repeat a person. The dry
// run and the commit both call it, so what the commit writes is what the dry run showed.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { MAX_NOTES } from '../case-import/fields'
import { hasErrors, personKey, type RowPlan } from '../case-import/plan'
import { urlVariants } from '../domain/source-schema'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { sourceVisibleTo } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

export type MatchedCase = {
  id: number
  version: number
  slug: string
  internalNotes: string
  currentCustodyState: string | null
}
export type RowSource = { url: string; id: number | null; state: 'new' | 'reused' | 'withheld' }
export type AnalysedRow = RowPlan & { match: MatchedCase | null; sources: RowSource[] }

/** What earlier batches of the same file saw: people, matched cases and new links, by first line. */
export type AnalysisState = {
  people: Map<string, number>
  matchedCases: Map<number, number>
  newUrls: Set<string>
}
export const newAnalysisState = (): AnalysisState => ({
  people: new Map(),
  matchedCases: new Map(),
  newUrls: new Set(),
})

const lower = (value: string) => value.trim().toLowerCase()

async function findCases(db: Db, viewer: Viewer, plans: RowPlan[]) {
  const slugs = [...new Set(plans.flatMap((p) => (p.slug ? [p.slug] : [])))]
  const names = [
    ...new Set(plans.flatMap((p) => (p.fields.fullName ? [lower(p.fields.fullName)] : []))),
  ]
  const select = () =>
    db
      .selectFrom('cases')
      .select([
        'id',
        'version',
        'slug',
        'internalNotes',
        'fullName',
        'country',
        'currentCustodyState',
      ])
      .where(caseVisibleTo(viewer))
  const [bySlug, byName] = await Promise.all([
    slugs.length ? select().where('slug', 'in', slugs).execute() : [],
    names.length
      ? select()
          .where(sql<string>`lower(full_name)`, 'in', names)
          .execute()
      : [],
  ])
  return { bySlug, byName }
}

async function findSources(db: Db, viewer: Viewer, urls: string[]) {
  if (urls.length === 0) return new Map<string, { id: number; visible: boolean }>()
  const variants = [...new Set(urls.flatMap(urlVariants))]
  const rows = await db
    .selectFrom('sources')
    .select((eb) => [
      'sources.id',
      'sources.url',
      sql<boolean>`${sourceVisibleTo(db, viewer)(eb)}`.as('visible'),
    ])
    .where('sources.url', 'in', variants)
    .execute()
  const found = new Map<string, { id: number; visible: boolean }>()
  for (const url of urls) {
    const spellings = urlVariants(url)
    const row = rows.find((r) => r.url !== null && spellings.includes(r.url))
    if (row) found.set(url, { id: row.id, visible: Boolean(row.visible) })
  }
  return found
}

export async function analyseBatch(
  db: Db,
  { viewer, plans, state }: { viewer: Viewer; plans: RowPlan[]; state: AnalysisState },
): Promise<AnalysedRow[]> {
  const { bySlug, byName } = await findCases(db, viewer, plans)
  const sources = await findSources(db, viewer, [...new Set(plans.flatMap((p) => p.urls))])
  const analysed = plans.map((plan) => {
    const row: AnalysedRow = { ...plan, problems: [...plan.problems], match: null, sources: [] }
    const error = (column: string | null, value: string, message: string, expected: string) =>
      row.problems.push({ line: plan.line, column, value, message, expected, severity: 'error' })
    const nameColumn = plan.nameColumn
    const key = personKey(plan.fields)
    if (key !== null) {
      const first = state.people.get(key)
      if (first !== undefined)
        error(
          nameColumn,
          plan.fields.fullName ?? '',
          `The same person as line ${first} (same name and country)`,
          'each person once in the file',
        )
      else state.people.set(key, plan.line)
    }
    if (plan.slug) {
      const found = bySlug.find((c) => c.slug === plan.slug)
      if (found) row.match = found
      else
        error(
          plan.slugColumn,
          plan.slug,
          'No case you can see has this address',
          'the address or slug of an existing case, or an empty cell to create one',
        )
    } else if (plan.fields.fullName) {
      const country = lower(plan.fields.country ?? '')
      const same = byName.filter(
        (c) =>
          lower(c.fullName) === lower(plan.fields.fullName ?? '') &&
          lower(c.country ?? '') === country,
      )
      if (same.length === 1) row.match = same[0] ?? null
      else if (same.length > 1)
        error(
          nameColumn,
          plan.fields.fullName,
          `${same.length} cases already have this name and country`,
          'a column with the case’s address (slug) saying which one to update',
        )
    }
    if (row.match) {
      const first = state.matchedCases.get(row.match.id)
      if (first !== undefined && first !== plan.line)
        error(
          nameColumn,
          plan.fields.fullName ?? '',
          `Updates the same case as line ${first}`,
          'each case once in the file',
        )
      else state.matchedCases.set(row.match.id, plan.line)
      const notes = plan.notes.join('\n')
      if (notes && row.match.internalNotes.length + notes.length + 2 > MAX_NOTES)
        error(
          null,
          '',
          'The case’s internal notes would pass 20,000 characters with this row’s notes',
          'fewer unmapped columns, or shorter notes',
        )
    }
    for (const url of plan.urls) {
      const existing = sources.get(url)
      if (!existing) {
        row.sources.push({ url, id: null, state: 'new' })
        continue
      }
      // A source the importer may not see is neither cited nor named: citing it from a case they see
      // would show them its title. They learn only that the link is taken, as on the source form.
      if (!existing.visible) {
        row.sources.push({ url, id: existing.id, state: 'withheld' })
        row.problems.push({
          line: plan.line,
          column: plan.sourcesColumn,
          value: url,
          message:
            'This link is already in the library on a record you may not see: it is not cited',
          expected: 'a link you may cite, or ask an admin to cite this one',
          severity: 'warning',
        })
      } else row.sources.push({ url, id: existing.id, state: 'reused' })
    }
    if (!hasErrors(row))
      for (const s of row.sources) if (s.state === 'new') state.newUrls.add(s.url)
    return row
  })
  await dropKnownEvents(db, analysed)
  return analysed
}

/**
 * An event the matched case already has (same day, precision and state) is not added again, nor a
 * dateless custody state the case is already in: importing the same file twice, or a file exported
 * from here, changes nothing.
 */
async function dropKnownEvents(db: Db, rows: AnalysedRow[]) {
  const ids = rows.flatMap((r) => (r.match && r.events.length ? [r.match.id] : []))
  if (ids.length === 0) return
  const known = await db
    .selectFrom('statusEvents')
    .select(['caseId', 'eventDate', 'datePrecision', 'custodyState'])
    .where('caseId', 'in', ids)
    .execute()
  const keys = new Set(
    known.map((e) => `${e.caseId}|${e.eventDate}|${e.datePrecision}|${e.custodyState}`),
  )
  for (const row of rows) {
    const match = row.match
    if (!match) continue
    row.events = row.events.filter((e) =>
      e.column === ''
        ? e.custodyState !== match.currentCustodyState
        : !keys.has(`${match.id}|${e.date}|${e.precision}|${e.custodyState}`),
    )
  }
}
