// How much each form field may hold, declared once: the zod schemas refuse more, and the forms'
// `maxLength` read the same numbers, so the browser stops typing where the server would refuse.
// Zod-free on purpose: the pages import it without taking zod to the browser.

/** A day typed as YYYY-MM-DD (a month or a year is shorter). */
export const DATE_INPUT_LENGTH = 10

/** A source added inline on the event and action forms (the same limits as the source form's). */
export const NEW_SOURCE_LIMITS = {
  title: 1000,
  publisher: 300,
  url: 2000,
} as const

export const CASE_LIMITS = {
  fullName: 200,
  alias: 200,
  aliases: 30,
  displayName: 200,
  country: 100,
  region: 100,
  nationality: 100,
  summary: 20_000,
  internalNotes: 20_000,
  dateOfBirth: 40,
} as const

export const EVENT_LIMITS = {
  location: 300,
  description: 10_000,
  sources: 100,
} as const

export const ACTION_LIMITS = {
  title: 500,
  outcomeNotes: 10_000,
  cases: 200,
  sources: 100,
} as const

export const ACTOR_LIMITS = {
  name: 300,
  politicalGroup: 200,
  role: 300,
  committee: 100,
  /** Lines of roles, and of committees. */
  lines: 30,
  organisation: 300,
  office: 300,
  email: 320,
  phone: 50,
  country: 100,
  notes: 10_000,
} as const

export const SOURCE_LIMITS = {
  title: NEW_SOURCE_LIMITS.title,
  publisher: NEW_SOURCE_LIMITS.publisher,
  url: NEW_SOURCE_LIMITS.url,
  archivedUrl: 2000,
} as const

export const DOCUMENT_LIMITS = {
  title: 500,
  place: 200,
  body: 200_000,
  url: 2000,
} as const

export const QUOTE_LIMITS = {
  speakerLabel: 1000,
  body: 50_000,
} as const

export const CITATION_LIMITS = {
  sources: 50,
  locator: 300,
} as const

export const SPONSOR_LIMITS = {
  actorQ: 200,
  note: 2000,
} as const

/** A number as the messages write it: 20,000. */
export function formatLimit(limit: number): string {
  return limit.toLocaleString('en')
}
