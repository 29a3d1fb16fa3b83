// What a column of the file can become: a case field, events from a date column, lines of the case's
// internal notes, or nothing. Headers people actually write are recognised ("Full name", "ФИО",
// "姓名", "Detained since"), so most files arrive mapped. Pure and zod-free: the mapping page uses it.
import { foldText } from '../domain/text'
import type { CustodyState } from '../domain/vocabularies'

export const CASE_IMPORT_FIELDS = [
  'fullName',
  'aliases',
  'displayName',
  'country',
  'region',
  'nationality',
  'gender',
  'dateOfBirth',
  'custodyState',
  'grounds',
  'riskLevel',
  'summary',
  'sources',
  'slug',
] as const
export type ImportField = (typeof CASE_IMPORT_FIELDS)[number]

export const FIELD_LABELS: Record<ImportField, string> = {
  fullName: 'Full name (required)',
  aliases: 'Aliases (separated by ; or |)',
  displayName: 'Display name or pseudonym',
  country: 'Country of detention',
  region: 'Region, place or city',
  nationality: 'Nationality',
  gender: 'Gender',
  dateOfBirth: 'Date of birth',
  custodyState: 'Custody state (now)',
  grounds: 'Grounds of persecution',
  riskLevel: 'Risk level',
  summary: 'Summary',
  sources: 'Source links (one or more)',
  slug: 'Case address or slug (matches an existing case)',
}

/** Fields a single value can be set for every row. */
export const CONSTANT_FIELDS = [
  'country',
  'region',
  'nationality',
  'gender',
  'custodyState',
  'grounds',
  'riskLevel',
] as const satisfies readonly ImportField[]
export type ConstantField = (typeof CONSTANT_FIELDS)[number]

/** Fields that take at most one column; sources take any number. */
export const SINGLE_COLUMN_FIELDS: readonly ImportField[] = CASE_IMPORT_FIELDS.filter(
  (f) => f !== 'sources',
)

export const TEXT_LIMITS: Partial<Record<ImportField, number>> = {
  fullName: 200,
  aliases: 200,
  displayName: 200,
  country: 100,
  region: 100,
  nationality: 100,
  gender: 100,
  summary: 20_000,
}
export const MAX_NOTES = 20_000
export const MAX_ALIASES = 30

/** How a column is used: a field, events from its dates, notes, or left out. */
export type ColumnTarget =
  | { kind: 'field'; field: ImportField }
  | { kind: 'event'; state: CustodyState | 'from_column'; nonDate: NonDateRule }
  | { kind: 'notes' }
  | { kind: 'ignore' }
/** What a value that is not a date ("life", "unknown") does in a date column. */
export type NonDateRule = 'ignore' | 'note'

export type ImportMapping = {
  columns: ColumnTarget[]
  constants: Partial<Record<ConstantField, string>>
}

const fold = (header: string) =>
  foldText(header)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const FIELD_HEADERS: Record<ImportField, string[]> = {
  fullName: [
    'name',
    'full name',
    'fullname',
    'person',
    'prisoner',
    'prisoner name',
    'имя',
    'фио',
    'полное имя',
    '姓名',
    '名字',
    'الاسم',
  ],
  aliases: [
    'aliases',
    'alias',
    'other names',
    'also known as',
    'aka',
    'transliteration',
    'name in latin',
    'latin name',
  ],
  displayName: ['display name', 'pseudonym'],
  country: ['country', 'country of detention', 'страна', '国家', 'البلد'],
  region: [
    'region',
    'place',
    'city',
    'province',
    'location',
    'place of detention',
    'регион',
    '地区',
  ],
  nationality: ['nationality', 'citizenship', 'гражданство'],
  gender: ['gender', 'sex', 'пол', '性别'],
  dateOfBirth: [
    'date of birth',
    'dob',
    'birth date',
    'birthdate',
    'born',
    'дата рождения',
    '出生日期',
  ],
  custodyState: [
    'custody state',
    'custody',
    'status',
    'current status',
    'detention status',
    'статус',
  ],
  grounds: ['grounds', 'grounds of persecution', 'persecuted for'],
  riskLevel: ['risk', 'risk level'],
  summary: ['summary', 'description', 'details', 'background', 'описание'],
  sources: [
    'source',
    'sources',
    'url',
    'urls',
    'link',
    'links',
    'reference',
    'references',
    'источник',
    '来源',
  ],
  slug: ['slug', 'case url', 'case link', 'case address'],
}

const EVENT_HEADERS: [CustodyState, string[]][] = [
  [
    'detained',
    [
      'detained since',
      'date of detention',
      'detention date',
      'date detained',
      'arrested',
      'date of arrest',
      'arrest date',
      'дата задержания',
      '拘留日期',
    ],
  ],
  ['deceased', ['date of death', 'died', 'death date', 'дата смерти']],
  ['released', ['released', 'date of release', 'release date', 'дата освобождения']],
  ['disappeared', ['disappeared', 'date of disappearance']],
]
/** The extra column of the downloadable problem rows. */
export const PROBLEM_COLUMN = 'Problem'

const NOTES_HEADERS = ['notes', 'note', 'internal notes', 'comments', 'comment']

/** The target a header suggests; a header nobody recognises goes to the notes, so nothing is lost. */
export function suggestTarget(header: string): ColumnTarget {
  const folded = fold(header)
  // The column the problems CSV adds: left out when the fixed file comes back.
  if (folded === fold(PROBLEM_COLUMN)) return { kind: 'ignore' }
  for (const field of CASE_IMPORT_FIELDS)
    if (FIELD_HEADERS[field].includes(folded)) return { kind: 'field', field }
  for (const [state, headers] of EVENT_HEADERS)
    if (headers.includes(folded)) return { kind: 'event', state, nonDate: 'note' }
  return { kind: 'notes' }
}

/** Suggested targets for all columns; a field suggested twice goes to its first column only. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportField>()
  const columns = headers.map((header): ColumnTarget => {
    const target = suggestTarget(header)
    if (target.kind !== 'field' || !SINGLE_COLUMN_FIELDS.includes(target.field)) return target
    if (taken.has(target.field)) return { kind: 'notes' }
    taken.add(target.field)
    return target
  })
  return { columns, constants: {} }
}

/** Whether a header names something the import knows (a file with none of them may lack a header). */
export function isKnownHeader(header: string): boolean {
  return suggestTarget(header).kind !== 'notes' || NOTES_HEADERS.includes(fold(header))
}
