// The case form, validated the same way wherever it is read. Derived fields (custody state, legal
// stage, detention start) are not in it: they come from the timeline only.
import { z } from 'zod'
import { CASE_LIMITS as LIMITS, formatLimit } from './field-limits'
import { parseDateOfBirth, parseGender } from './person'
import { can } from './permissions'
import { isRecordId } from '../utils/record-id'
import {
  CONSENTS,
  GROUNDS,
  RISK_LEVELS,
  VISIBILITIES,
  type Consent,
  type Role,
  type Visibility,
} from './vocabularies'

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .default('')
    .transform((value) => (value === '' ? null : value))

const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.enum(values as [T, ...T[]], { message })

const gender = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const parsed = parseGender(value)
    if (parsed.ok) return parsed.value
    ctx.addIssue({ code: 'custom', message: 'Choose a gender from the list' })
    return z.NEVER
  })

const CaseFields = z.object({
  fullName: z
    .string({ message: 'Enter the full name' })
    .trim()
    .min(1, 'Enter the full name')
    .max(LIMITS.fullName, `The name can be at most ${LIMITS.fullName} characters`),
  aliases: z
    .string()
    .default('')
    .transform((value) => [
      ...new Set(
        value
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(LIMITS.alias, `Each alias can be at most ${LIMITS.alias} characters`))
        .max(LIMITS.aliases, `At most ${LIMITS.aliases} aliases`),
    ),
  displayName: optionalText(LIMITS.displayName, 'The display name'),
  country: optionalText(LIMITS.country, 'The country'),
  region: optionalText(LIMITS.region, 'The region'),
  nationality: optionalText(LIMITS.nationality, 'The nationality'),
  grounds: z.array(choice(GROUNDS, 'Choose grounds from the list')).default([]),
  riskLevel: choice(RISK_LEVELS, 'Choose a risk level'),
  summary: z
    .string()
    .trim()
    .max(LIMITS.summary, `The summary can be at most ${formatLimit(LIMITS.summary)} characters`)
    .default(''),
  internalNotes: z
    .string()
    .trim()
    .max(
      LIMITS.internalNotes,
      `Internal notes can be at most ${formatLimit(LIMITS.internalNotes)} characters`,
    )
    .default(''),
  visibility: choice(VISIBILITIES, 'Choose who may see the case'),
  consent: choice(CONSENTS, 'Choose the consent to publicity'),
  ownerId: z
    .string()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return null
      const id = Number(value)
      if (!isRecordId(id)) {
        ctx.addIssue({ code: 'custom', message: 'Choose an owner from the list' })
        return z.NEVER
      }
      return id
    }),
  gender,
  dateOfBirth: z
    .string()
    .max(LIMITS.dateOfBirth, 'Enter the date as YYYY-MM-DD, YYYY-MM or YYYY')
    .default(''),
  dateOfBirthPrecision: z.string().default(''),
})

/**
 * The case form. The date of birth is a partial date: its precision is the one chosen, or, when
 * none is, the one it is written in ("1985" a year, "1985-03" a month); empty means unknown. It is
 * checked even when another field is wrong (`when`), so the form shows every problem at once.
 */
export const CaseFormSchema = CaseFields.superRefine(
  ({ dateOfBirth, dateOfBirthPrecision }, ctx) => {
    const born = parseDateOfBirth(dateOfBirth, dateOfBirthPrecision)
    if (!born.ok) ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: born.error })
  },
  {
    when: ({ value }) =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as Record<string, unknown>).dateOfBirth === 'string',
  },
).transform(({ dateOfBirth, dateOfBirthPrecision, ...fields }) => {
  const born = parseDateOfBirth(dateOfBirth, dateOfBirthPrecision)
  const value = born.ok ? born.value : null
  return {
    ...fields,
    dateOfBirth: value?.date ?? null,
    dateOfBirthPrecision: value?.precision ?? null,
  }
})

export type CaseFormValues = z.output<typeof CaseFormSchema>

export type CaseAccess = { visibility: Visibility; consent: Consent }

/** What a case gets when it is created by someone who may not set its visibility and consent. */
export const NEW_CASE_ACCESS: CaseAccess = { visibility: 'internal', consent: 'unknown' }

/**
 * Visibility and consent decide who may see a case and what may be published of it: changing them
 * is an access grant (DESIGN.md), for whoever may manage access. From anyone else, the posted values
 * are ignored — replaced by `kept` (what is saved, or NEW_CASE_ACCESS) before the form is read.
 */
export function withCaseAccessRule(
  raw: Record<string, unknown>,
  { role, kept }: { role: Role; kept: CaseAccess },
): Record<string, unknown> {
  if (can(role, 'manage:access')) return raw
  return { ...raw, visibility: kept.visibility, consent: kept.consent }
}

/** The version the form read: missing or tampered with, nothing is saved. */
export const VersionSchema = z.object({
  version: z.coerce
    .number({ message: 'This form is missing its version. Reload the page and try again.' })
    .int('This form is missing its version. Reload the page and try again.')
    .min(1, 'This form is missing its version. Reload the page and try again.'),
})

/**
 * An edit form's schema with the version the form read: both are checked at once, so the form shows
 * every problem together, and the output carries `version` beside the form's own fields.
 */
export function withVersion<Schema extends z.ZodType>(schema: Schema) {
  return z.intersection(schema, VersionSchema)
}
