// Converting between a saved case and the strings its form holds, and finding where a stale save
// differs from what is saved now.
import type { Conflict } from './conflict'
import { partialDateInputValue } from './dates'
import { genderLabel } from './person'
import { labelOf, type DatePrecision } from './vocabularies'

export const CASE_FIELD_LABELS: Record<string, string> = {
  fullName: 'Full name',
  aliases: 'Aliases',
  displayName: 'Display name',
  country: 'Country',
  region: 'Region',
  nationality: 'Nationality',
  gender: 'Gender',
  dateOfBirth: 'Date of birth',
  grounds: 'Grounds',
  riskLevel: 'Risk level',
  summary: 'Summary',
  internalNotes: 'Internal notes',
  visibility: 'Visibility',
  consent: 'Consent',
  ownerId: 'Owner',
}

type SavedCase = {
  fullName: string
  aliases: string[]
  displayName: string | null
  country: string | null
  region: string | null
  nationality: string | null
  gender: string
  dateOfBirth: string | null
  dateOfBirthPrecision: DatePrecision | null
  grounds: string[]
  riskLevel: string
  summary: string
  internalNotes: string
  visibility: string
  consent: string
  ownerId: number | null
}

export function caseToFormValues(saved: SavedCase): Record<string, string | string[]> {
  return {
    fullName: saved.fullName,
    aliases: saved.aliases.join('\n'),
    displayName: saved.displayName ?? '',
    country: saved.country ?? '',
    region: saved.region ?? '',
    nationality: saved.nationality ?? '',
    gender: saved.gender,
    dateOfBirth:
      saved.dateOfBirth && saved.dateOfBirthPrecision
        ? partialDateInputValue({ date: saved.dateOfBirth, precision: saved.dateOfBirthPrecision })
        : '',
    dateOfBirthPrecision: saved.dateOfBirthPrecision ?? '',
    grounds: saved.grounds,
    riskLevel: saved.riskLevel,
    summary: saved.summary,
    internalNotes: saved.internalNotes,
    visibility: saved.visibility,
    consent: saved.consent,
    ownerId: saved.ownerId === null ? '' : String(saved.ownerId),
  }
}

function shown(
  field: string,
  value: string | string[] | undefined,
  ownerNames: Map<string, string>,
): string {
  if (value === undefined) return ''
  if (Array.isArray(value)) return value.map(labelOf).join(', ')
  if (field === 'ownerId') return value ? (ownerNames.get(value) ?? `User ${value}`) : 'Unassigned'
  if (['riskLevel', 'visibility', 'consent'].includes(field)) return labelOf(value)
  if (field === 'gender') return genderLabel(value)
  return value.replace(/\r\n/g, '\n').trim()
}

export function caseDifferences(
  saved: Record<string, string | string[]>,
  typed: Record<string, string | string[]>,
  ownerNames: Map<string, string>,
): Conflict['differences'] {
  return Object.keys(CASE_FIELD_LABELS)
    .map((field) => ({
      field,
      label: CASE_FIELD_LABELS[field]!,
      saved: shown(field, saved[field], ownerNames),
      typed: shown(field, typed[field] ?? (field === 'grounds' ? [] : ''), ownerNames),
    }))
    .filter((d) => d.saved !== d.typed)
}
