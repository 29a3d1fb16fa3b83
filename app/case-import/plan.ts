// One row of the file to what it asks for — the case's fields, its events, its source links, its
// note lines — and every problem found, by line and column, with the value and what was expected.
// Pure: the dry run and the commit plan rows with the same function, so they cannot disagree.
import type { PartialDate } from '../domain/dates'
import { parseDateOfBirth, parseGender, type Gender } from '../domain/person'
import { foldText } from '../domain/text'
import {
  CUSTODY_STATES,
  GROUNDS,
  RISK_LEVELS,
  type CustodyState,
  type Ground,
  type RiskLevel,
} from '../domain/vocabularies'
import { MAX_ALIASES, MAX_NOTES, TEXT_LIMITS, type ImportField, type ImportMapping } from './fields'
import type { CsvRow } from './parse'
import {
  DATE_EXPECTED,
  matchVocabulary,
  parseImportDate,
  slugFromCell,
  splitList,
  splitUrls,
  URL_EXPECTED,
  vocabularyExpected,
} from './values'

export type Problem = {
  line: number
  column: string | null
  value: string
  message: string
  expected: string
  severity: 'error' | 'warning'
}

export type PlannedFields = {
  fullName?: string
  aliases?: string[]
  displayName?: string
  country?: string
  region?: string
  nationality?: string
  gender?: Gender
  dateOfBirth?: PartialDate
  grounds?: Ground[]
  riskLevel?: RiskLevel
  summary?: string
}

export type PlannedEvent = PartialDate & { custodyState: CustodyState; column: string }

export type RowPlan = {
  line: number
  /** The labels of the columns that problems found later (duplicates, matches) are about. */
  nameColumn: string | null
  slugColumn: string | null
  sourcesColumn: string | null
  fields: PlannedFields
  slug: string | null
  custodyState: CustodyState | null
  events: PlannedEvent[]
  urls: string[]
  notes: string[]
  problems: Problem[]
}

/** `today` dates the event of a custody state given without a date (the list's state when imported). */
export type PlanContext = { labels: readonly string[]; mapping: ImportMapping; today: string }

const TEXT_FIELDS = [
  'fullName',
  'displayName',
  'country',
  'region',
  'nationality',
  'summary',
] as const

export function planRow({ labels, mapping, today }: PlanContext, row: CsvRow): RowPlan {
  const label = (i: number) => labels[i] ?? `Column ${i + 1}`
  const columnOf = (field: ImportField) => {
    const i = mapping.columns.findIndex((t) => t.kind === 'field' && t.field === field)
    return i === -1 ? null : label(i)
  }
  const plan: RowPlan = {
    line: row.line,
    nameColumn: columnOf('fullName'),
    slugColumn: columnOf('slug'),
    sourcesColumn: columnOf('sources'),
    fields: {},
    slug: null,
    custodyState: null,
    events: [],
    urls: [],
    notes: [],
    problems: [],
  }
  const problem = (
    column: number | null,
    value: string,
    message: string,
    expected: string,
    severity: Problem['severity'] = 'error',
  ) =>
    plan.problems.push({
      line: row.line,
      column: column === null ? null : label(column),
      value,
      message,
      expected,
      severity,
    })
  const fromColumn: { column: number; value: string; date: PartialDate }[] = []

  const extra = row.cells.slice(labels.length).filter((c) => c.trim() !== '')
  if (extra.length > 0)
    problem(
      null,
      extra.join(' | ').slice(0, 200),
      `The row has ${labels.length + extra.length} values but the header names ${labels.length} columns`,
      'one value per column; a value holding the delimiter must be in quotes',
    )

  const setField = (field: ImportField, column: number | null, raw: string) => {
    const value = raw.trim()
    if (value === '') return
    const limit = TEXT_LIMITS[field]
    if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      if (limit && value.length > limit)
        return problem(
          column,
          value,
          `Too long: ${value.length.toLocaleString('en')} characters`,
          `at most ${limit.toLocaleString('en')} characters`,
        )
      plan.fields[field as (typeof TEXT_FIELDS)[number]] = value
    } else if (field === 'aliases') {
      const aliases = splitList(value)
      const long = aliases.find((a) => a.length > 200)
      if (long || aliases.length > MAX_ALIASES)
        return problem(
          column,
          value,
          long ? 'An alias is too long' : `${aliases.length} aliases`,
          `at most ${MAX_ALIASES} aliases of at most 200 characters each`,
        )
      plan.fields.aliases = aliases
    } else if (field === 'dateOfBirth') {
      const date = parseDateOfBirth(value)
      if (!date.ok) problem(column, value, date.error, DATE_EXPECTED)
      else if (date.value) plan.fields.dateOfBirth = date.value
    } else if (field === 'gender') {
      const gender = parseGender(value)
      if (gender.ok) plan.fields.gender = gender.value
      else problem(column, value, 'Unknown gender', 'female, male, non-binary or other, or unknown')
    } else if (field === 'custodyState') {
      const state = matchVocabulary(CUSTODY_STATES, value)
      if (state) plan.custodyState = state
      else problem(column, value, 'Unknown custody state', vocabularyExpected(CUSTODY_STATES))
    } else if (field === 'riskLevel') {
      const level = matchVocabulary(RISK_LEVELS, value)
      if (level) plan.fields.riskLevel = level
      else problem(column, value, 'Unknown risk level', vocabularyExpected(RISK_LEVELS))
    } else if (field === 'grounds') {
      const grounds: Ground[] = []
      for (const part of splitList(value, { commas: true })) {
        const ground = matchVocabulary(GROUNDS, part)
        if (ground) grounds.push(ground)
        else {
          problem(
            column,
            part,
            'Not one of the grounds: kept in the notes',
            vocabularyExpected(GROUNDS),
            'warning',
          )
          plan.notes.push(`${column === null ? 'Grounds' : label(column)}: ${part}`)
        }
      }
      plan.fields.grounds = [...new Set(grounds)]
    } else if (field === 'sources') {
      const { urls, notLinks } = splitUrls(value)
      if (notLinks.length > 0)
        problem(column, notLinks.join(' ').slice(0, 200), 'Not a link', URL_EXPECTED)
      plan.urls.push(...urls.filter((u) => !plan.urls.includes(u)))
    } else if (field === 'slug') {
      plan.slug = slugFromCell(value)
      if (!plan.slug)
        problem(column, value, 'Not a case address', 'a case’s address (…/cases/name) or its slug')
    }
  }

  mapping.columns.forEach((target, i) => {
    const raw = plainCell(row.cells[i] ?? '')
    if (target.kind === 'ignore') return
    if (target.kind === 'notes') {
      if (raw.trim()) plan.notes.push(`${label(i)}: ${raw.trim()}`)
      return
    }
    if (target.kind === 'field') return setField(target.field, i, raw)
    const date = parseImportDate(raw)
    if (date.kind === 'invalid') problem(i, raw.trim(), date.message, DATE_EXPECTED)
    else if (date.kind === 'text' && target.nonDate === 'note')
      plan.notes.push(`${label(i)}: ${raw.trim()}`)
    else if (date.kind === 'date') {
      if (target.state === 'from_column')
        fromColumn.push({ column: i, value: raw, date: date.value })
      else plan.events.push({ ...date.value, custodyState: target.state, column: label(i) })
    }
  })

  for (const [field, value] of Object.entries(mapping.constants) as [ImportField, string][]) {
    const mapped =
      field === 'custodyState'
        ? plan.custodyState !== null
        : plan.fields[field as keyof PlannedFields] !== undefined
    if (!mapped) setField(field, null, value)
  }
  for (const { column, date } of fromColumn)
    if (plan.custodyState)
      plan.events.push({ ...date, custodyState: plan.custodyState, column: label(column) })
    else
      problem(
        column,
        (row.cells[column] ?? '').trim(),
        'A date for the row’s custody state, but the row has none',
        'a custody state in the custody state column',
      )

  // The list's custody state, when no date of the row gives it, is dated the day of the import —
  // unless the row's latest dated event already says so ("Date of death" and "deceased").
  const latest = [...plan.events].sort((a, b) => (a.date < b.date ? 1 : -1))[0]
  if (plan.custodyState && fromColumn.length === 0 && latest?.custodyState !== plan.custodyState)
    plan.events.push({ date: today, precision: 'day', custodyState: plan.custodyState, column: '' })
  const nameColumn = fullNameColumn(mapping)
  const nameLabel = nameColumn === null ? null : labels[nameColumn]
  if (
    !plan.fields.fullName &&
    !plan.problems.some((p) => p.column === nameLabel && p.column !== null)
  )
    problem(nameColumn, '', 'The name is empty', 'the person’s full name (a required field)')
  if (plan.notes.join('\n').length > MAX_NOTES)
    problem(
      null,
      '',
      'The notes made from the unmapped columns are too long',
      `at most ${MAX_NOTES.toLocaleString('en')} characters in all`,
    )
  return plan
}

function fullNameColumn(mapping: ImportMapping): number | null {
  const i = mapping.columns.findIndex((t) => t.kind === 'field' && t.field === 'fullName')
  return i === -1 ? null : i
}

export const hasErrors = (plan: RowPlan) => plan.problems.some((p) => p.severity === 'error')

/** Two rows with this key are the same person: the same name in the same country. */
export function personKey(fields: PlannedFields): string | null {
  if (!fields.fullName) return null
  return `${foldText(fields.fullName).replace(/\s+/g, ' ')}\u0000${foldText(fields.country ?? '')}`
}

/**
 * A cell as written before a spreadsheet-safe export neutralised it: "'=HYPERLINK(…)" is read back
 * as "=HYPERLINK(…)" — plain text either way, never run.
 */
export function plainCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value
}
