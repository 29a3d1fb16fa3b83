// Shared by the "record" and "edit" event routes: reads the form, answers a source search without
// saving, and gathers the sources to show again beside what was typed.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { partialDateInputValue } from '../domain/dates'
import { EventFormSchema } from '../domain/event-schema'
import type { DatePrecision } from '../domain/vocabularies'
import type { Viewer } from '../models/case-visibility.server'
import { getSourcesByIds, searchSources } from '../models/source.server'
import { fieldErrorsOf, formToObject, typedValues } from '../utils/forms'
import { isRecordId } from '../utils/record-id'

/** `viewer` sees and may cite only the sources visible to them (docs/decisions/008). */
export async function readEventForm(db: Kysely<Database>, request: Request, viewer: Viewer) {
  const raw = formToObject(await request.formData(), ['sourceIds'])
  const values = typedValues(raw)
  const pickedIds = (Array.isArray(raw.sourceIds) ? raw.sourceIds : [])
    .map(Number)
    .filter(isRecordId)
  const selectedSources = await getSourcesByIds(db, [...new Set(pickedIds)].slice(0, 100), viewer)
  const sourceQuery =
    typeof raw.sourceQuery === 'string' ? raw.sourceQuery.trim().slice(0, 200) : ''
  if (raw.intent === 'find-sources') {
    const foundSources = sourceQuery ? await searchSources(db, { query: sourceQuery, viewer }) : []
    return { kind: 'search' as const, raw, values, selectedSources, foundSources, sourceQuery }
  }
  // A hand-made form naming a source the reader may not see is read as if it named only the ones
  // they may (so a confirmed event still needs a source they can see).
  const parsed = EventFormSchema.safeParse({
    ...raw,
    sourceIds: selectedSources.map((source) => String(source.id)),
  })
  if (!parsed.success) {
    return {
      kind: 'invalid' as const,
      raw,
      values,
      selectedSources,
      errors: fieldErrorsOf(parsed.error),
      sourceQuery,
    }
  }
  return { kind: 'valid' as const, raw, values, selectedSources, input: parsed.data, sourceQuery }
}

/** Form strings for a saved event, to fill the edit form. */
export function eventToFormValues(event: {
  eventDate: string
  datePrecision: DatePrecision
  custodyState: string | null
  legalStage: string | null
  releaseReason: string | null
  certainty: string
  location: string | null
  description: string
}): Record<string, string> {
  const date = partialDateInputValue({
    date: event.eventDate,
    precision: event.datePrecision,
  })
  return {
    eventDate: date,
    datePrecision: event.datePrecision,
    custodyState: event.custodyState ?? '',
    legalStage: event.legalStage ?? '',
    releaseReason: event.releaseReason ?? '',
    certainty: event.certainty,
    location: event.location ?? '',
    description: event.description,
  }
}
