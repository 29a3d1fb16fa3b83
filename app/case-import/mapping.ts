// The mapping the user confirms: read from the mapping form (plain names, no zod, so the page can
// share it) and checked as a whole — full name mapped once, each field at most once, constants in
// their vocabularies. Errors are keyed by form field so the page shows each beside its control.
import { parseGender } from '../domain/person'
import { CUSTODY_STATES, GROUNDS, labelOf, RISK_LEVELS } from '../domain/vocabularies'
import {
  CASE_IMPORT_FIELDS,
  CONSTANT_FIELDS,
  FIELD_LABELS,
  SINGLE_COLUMN_FIELDS,
  TEXT_LIMITS,
  type ColumnTarget,
  type ConstantField,
  type ImportField,
  type ImportMapping,
} from './fields'
import { matchVocabulary, vocabularyExpected } from './values'

export type MappingErrors = Record<string, string>

/** The value of a column's select: a field name, "event", "notes" or "ignore". */
export function targetValue(target: ColumnTarget): string {
  return target.kind === 'field' ? target.field : target.kind
}

export function readMappingForm(
  get: (name: string) => string | null,
  columnCount: number,
): ImportMapping {
  const columns = Array.from({ length: columnCount }, (_, i): ColumnTarget => {
    const value = get(`column-${i}`) ?? 'notes'
    if (value === 'ignore' || value === 'notes') return { kind: value }
    if (value === 'event') {
      const state = get(`state-${i}`) ?? ''
      return {
        kind: 'event',
        state:
          state === 'from_column' ? state : (matchVocabulary(CUSTODY_STATES, state) ?? 'detained'),
        nonDate: get(`nonDate-${i}`) === 'ignore' ? 'ignore' : 'note',
      }
    }
    const field = CASE_IMPORT_FIELDS.find((f) => f === value)
    return field ? { kind: 'field', field } : { kind: 'notes' }
  })
  const constants: ImportMapping['constants'] = {}
  for (const field of CONSTANT_FIELDS) {
    const value = (get(`constant-${field}`) ?? '').trim()
    if (value) constants[field] = value
  }
  return { columns, constants }
}

const VOCABULARY_CONSTANTS: Partial<Record<ConstantField, readonly string[]>> = {
  custodyState: CUSTODY_STATES,
  grounds: GROUNDS,
  riskLevel: RISK_LEVELS,
}

export function checkMapping(labels: readonly string[], mapping: ImportMapping): MappingErrors {
  const errors: MappingErrors = {}
  const columnsOf = (field: ImportField) =>
    mapping.columns.flatMap((t, i) => (t.kind === 'field' && t.field === field ? [i] : []))
  for (const field of SINGLE_COLUMN_FIELDS) {
    const columns = columnsOf(field)
    if (columns.length > 1)
      for (const i of columns.slice(1))
        errors[`column-${i}`] =
          `${FIELD_LABELS[field]} is already the column "${labels[columns[0] ?? 0]}": choose one column for it, and something else for this one.`
  }
  if (columnsOf('fullName').length === 0)
    errors.mapping =
      'No column is mapped to Full name: choose the column holding each person’s name.'
  const hasCustody = columnsOf('custodyState').length > 0 || Boolean(mapping.constants.custodyState)
  mapping.columns.forEach((t, i) => {
    if (t.kind === 'event' && t.state === 'from_column' && !hasCustody)
      errors[`state-${i}`] =
        'No custody state column and no custody state for every row: choose a state for these events.'
  })
  for (const field of CONSTANT_FIELDS) {
    const value = mapping.constants[field]
    if (!value) continue
    const vocabulary = VOCABULARY_CONSTANTS[field]
    if (vocabulary && !matchVocabulary(vocabulary, value))
      errors[`constant-${field}`] = `Choose ${vocabularyExpected(vocabulary)}.`
    if (field === 'gender' && !parseGender(value).ok)
      errors['constant-gender'] = 'Choose female, male, non-binary or other, or unknown.'
    const limit = TEXT_LIMITS[field]
    if (limit && value.length > limit) errors[`constant-${field}`] = `At most ${limit} characters.`
  }
  return errors
}

/** A one-line account of a column's use, for the dry run page. */
export function describeTarget(target: ColumnTarget): string {
  if (target.kind === 'field') return FIELD_LABELS[target.field]
  if (target.kind === 'notes') return 'Internal notes ("Column: value")'
  if (target.kind === 'ignore') return 'Left out'
  const state = target.state === 'from_column' ? 'the row’s custody state' : labelOf(target.state)
  return `Events: ${state}; values that are not dates ${target.nonDate === 'note' ? 'go to the notes' : 'are left out'}`
}
