// The actor form, the actor list's query string and what a merge fills in. Pure.
import { z } from 'zod'
import { pageNumber, type FormValues } from './source-schema'
import { ACTOR_KINDS, type ActorKind } from './vocabularies'
import { MAX_ID } from '~/utils/record-id'

export const ACTOR_PAGE_SIZE = 50

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .default('')
    .transform((value) => (value === '' ? null : value))

/** A textarea with one entry per line: blank lines and repeats dropped. */
const lines = (max: number, label: string) =>
  z
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
        .array(z.string().max(max, `Each ${label} can be at most ${max} characters`))
        .max(30, `At most 30 ${label}s`),
    )

export const ActorFormSchema = z.object({
  kind: z.enum(ACTOR_KINDS, { message: 'Choose a kind from the list' }),
  name: z
    .string({ message: 'Enter the name' })
    .trim()
    .min(1, 'Enter the name')
    .max(300, 'The name can be at most 300 characters'),
  politicalGroup: optionalText(200, 'The political group'),
  roles: lines(300, 'role'),
  committees: lines(100, 'committee'),
  organisation: optionalText(300, 'The organisation'),
  office: optionalText(300, 'The office'),
  email: optionalText(320, 'The email address').refine(
    (value) => value === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
    'Enter an email address like press@example.org',
  ),
  phone: optionalText(50, 'The phone number').refine(
    (value) => value === null || /^[+()\d\s./-]+$/.test(value),
    'Enter a phone number with digits, spaces and + ( ) - only',
  ),
  country: optionalText(100, 'The country'),
  notes: z.string().trim().max(10_000, 'Notes can be at most 10,000 characters').default(''),
})

export type ActorFields = z.output<typeof ActorFormSchema>

export const ACTOR_FIELDS = [
  'kind',
  'name',
  'politicalGroup',
  'roles',
  'committees',
  'organisation',
  'office',
  'email',
  'phone',
  'country',
  'notes',
] as const satisfies readonly (keyof ActorFields)[]

export const ACTOR_FIELD_LABELS: Record<(typeof ACTOR_FIELDS)[number], string> = {
  kind: 'Kind',
  name: 'Name',
  politicalGroup: 'Political group',
  roles: 'Roles',
  committees: 'Committees',
  organisation: 'Organisation',
  office: 'Office',
  email: 'Email',
  phone: 'Phone',
  country: 'Country',
  notes: 'Notes',
}

export function actorToFormValues(saved: ActorFields): FormValues {
  return {
    kind: saved.kind,
    name: saved.name,
    politicalGroup: saved.politicalGroup ?? '',
    roles: saved.roles.join('\n'),
    committees: saved.committees.join('\n'),
    organisation: saved.organisation ?? '',
    office: saved.office ?? '',
    email: saved.email ?? '',
    phone: saved.phone ?? '',
    country: saved.country ?? '',
    notes: saved.notes,
  }
}

/** Fields a merge may fill on the kept actor: never its kind or name. */
export const MERGE_FILLABLE = [
  'politicalGroup',
  'roles',
  'committees',
  'organisation',
  'office',
  'email',
  'phone',
  'country',
  'notes',
] as const

type Fillable = (typeof MERGE_FILLABLE)[number]
const isEmpty = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** The kept actor's empty fields that the removed one has a value for, with that value. */
export function mergeFills(
  kept: Pick<ActorFields, Fillable>,
  removed: Pick<ActorFields, Fillable>,
): { field: Fillable; label: string; value: ActorFields[Fillable] }[] {
  return MERGE_FILLABLE.filter((field) => isEmpty(kept[field]) && !isEmpty(removed[field])).map(
    (field) => ({ field, label: ACTOR_FIELD_LABELS[field], value: removed[field] }),
  )
}

/** Values of the removed actor that differ from the kept one's and are not kept: shown as a warning. */
export function mergeLosses(
  kept: Pick<ActorFields, Fillable | 'name' | 'kind'>,
  removed: Pick<ActorFields, Fillable | 'name' | 'kind'>,
): { field: string; label: string; kept: string; removed: string }[] {
  const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''))
  return (['name', 'kind', ...MERGE_FILLABLE] as const)
    .filter((field) => !isEmpty(kept[field]) && !isEmpty(removed[field]))
    .filter((field) => shown(kept[field]) !== shown(removed[field]))
    .map((field) => ({
      field,
      label: ACTOR_FIELD_LABELS[field],
      kept: shown(kept[field]),
      removed: shown(removed[field]),
    }))
}

export type ActorListQuery = { q: string; kind?: ActorKind; page: number }

export function parseActorListQuery(params: URLSearchParams): ActorListQuery {
  const query: ActorListQuery = {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    page: pageNumber(params.get('page')),
  }
  const kind = z.enum(ACTOR_KINDS).safeParse(params.get('kind'))
  if (kind.success) query.kind = kind.data
  return query
}

/** The actor chosen on the merge page: a positive id, or nothing. */
export const MergeFormSchema = z.object({
  duplicateId: z.coerce
    .number({ message: 'Choose the duplicate to merge' })
    .int('Choose the duplicate to merge')
    .positive('Choose the duplicate to merge')
    .max(MAX_ID, 'Choose the duplicate to merge'),
  keptVersion: z.coerce.number().int().min(1),
  duplicateVersion: z.coerce.number().int().min(1),
})
