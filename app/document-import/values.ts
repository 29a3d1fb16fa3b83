// The import preview as a form: every proposed value is a string field the user can correct, and
// what the confirmation turns them into. Field names are flat ("quote-0-body") so the form works
// without JavaScript; errors are keyed by the same names.
import type { PartialDate } from '../domain/dates'
import type { ActorKind } from '../domain/vocabularies'

export const MAX_IMPORT_QUOTES = 50
export const MAX_IMPORT_FOOTNOTES = 200
export const MAX_IMPORT_CONTACTS = 50

const QUOTE_KEYS = [
  'speakerLabel',
  'actor',
  'name',
  'kind',
  'politicalGroup',
  'roles',
  'body',
] as const
const FOOTNOTE_KEYS = [
  'number',
  'source',
  'matchId',
  'title',
  'publisher',
  'date',
  'url',
  'urlMissing',
] as const
const CONTACT_KEYS = ['actor', 'name', 'office', 'email', 'phone'] as const

type Row<K extends readonly string[]> = Record<K[number], string>
export type ImportQuoteValues = Row<typeof QUOTE_KEYS>
export type ImportFootnoteValues = Row<typeof FOOTNOTE_KEYS>
export type ImportContactValues = Row<typeof CONTACT_KEYS>

/** Everything the preview form holds, as strings: what the page shows and what is posted back. */
export type ImportValues = {
  contentHash: string
  title: string
  place: string
  documentDate: string
  datePrecision: string
  language: string
  /** '' none, 'new' a new actor (issuerName, issuerKind), or an actor id. */
  issuer: string
  issuerName: string
  issuerKind: string
  target: string
  targetName: string
  targetKind: string
  body: string
  quotes: ImportQuoteValues[]
  footnotes: ImportFootnoteValues[]
  contacts: ImportContactValues[]
  /** The cases proposed (their checkboxes), and those checked. */
  caseOptions: string[]
  caseIds: string[]
  warnings: string[]
}

export const fieldName = (group: 'quote' | 'footnote' | 'contact', index: number, key: string) =>
  `${group}-${index}-${key}`

const text = (raw: Record<string, unknown>, key: string) =>
  typeof raw[key] === 'string' ? (raw[key] as string) : ''
const list = (raw: Record<string, unknown>, key: string) =>
  Array.isArray(raw[key])
    ? (raw[key] as unknown[]).filter((v): v is string => typeof v === 'string')
    : []

function rows<K extends readonly string[]>(
  raw: Record<string, unknown>,
  group: 'quote' | 'footnote' | 'contact',
  keys: K,
  max: number,
): Row<K>[] {
  const result: Row<K>[] = []
  for (let i = 0; i < max && keys.some((k) => fieldName(group, i, k) in raw); i++) {
    result.push(
      Object.fromEntries(keys.map((k) => [k, text(raw, fieldName(group, i, k))])) as Row<K>,
    )
  }
  return result
}

/** The array fields of the preview form, for formToObject. */
export const IMPORT_ARRAY_FIELDS = ['caseOptions', 'caseIds', 'warnings'] as const

/** The preview form as posted back, read into ImportValues (missing fields are empty). */
export function importValuesFromForm(raw: Record<string, unknown>): ImportValues {
  const scalar = (key: string) => text(raw, key)
  return {
    contentHash: scalar('contentHash'),
    title: scalar('title'),
    place: scalar('place'),
    documentDate: scalar('documentDate'),
    datePrecision: scalar('datePrecision'),
    language: scalar('language'),
    issuer: scalar('issuer'),
    issuerName: scalar('issuerName'),
    issuerKind: scalar('issuerKind'),
    target: scalar('target'),
    targetName: scalar('targetName'),
    targetKind: scalar('targetKind'),
    body: scalar('body'),
    quotes: rows(raw, 'quote', QUOTE_KEYS, MAX_IMPORT_QUOTES),
    footnotes: rows(raw, 'footnote', FOOTNOTE_KEYS, MAX_IMPORT_FOOTNOTES),
    contacts: rows(raw, 'contact', CONTACT_KEYS, MAX_IMPORT_CONTACTS),
    caseOptions: list(raw, 'caseOptions').slice(0, 50),
    caseIds: list(raw, 'caseIds').slice(0, 50),
    warnings: list(raw, 'warnings').slice(0, 100),
  }
}

export type NewActor = {
  kind: ActorKind
  name: string
  politicalGroup: string | null
  roles: string[]
  committees: string[]
  office: string | null
  email: string | null
  phone: string | null
}
/** An existing actor, a new one, or nobody. */
export type ActorRef = { id: number } | { create: NewActor } | null

export type NewSource = {
  title: string
  publisher: string | null
  published: PartialDate | null
  url: string | null
  urlMissing: boolean
}

export type ImportInput = {
  contentHash: string
  document: {
    title: string
    place: string | null
    date: PartialDate
    language: string
    body: string
  }
  issuer: ActorRef
  target: ActorRef
  quotes: { speaker: ActorRef; speakerLabel: string; body: string }[]
  footnotes: { number: number; source: { id: number } | { create: NewSource } }[]
  contacts: ActorRef[]
  caseIds: number[]
}
