// Shared by the "record" and "edit" event routes: reads the form, answers a source search without
// saving, and gathers the sources to show again beside what was typed.
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { Database } from '../../db/schema'
import { partialDateInputValue } from '../domain/dates'
import { EVENT_LIMITS } from '../domain/field-limits'
import { isSourceSearch, sourcePicks } from '../domain/source-picker'
import type { DatePrecision } from '../domain/vocabularies'
import type { Viewer } from '../models/case-visibility.server'
import { getSourcesByIds, searchSources } from '../models/source.server'
import { formToObject, parseForm } from '../utils/forms'

/**
 * `viewer` sees and may cite only the sources visible to them (docs/decisions/008). `schema` is the
 * event form's, or an edit's with the version it read.
 */
export async function readEventForm<Schema extends z.ZodType>(
  db: Kysely<Database>,
  request: Request,
  viewer: Viewer,
  schema: Schema,
) {
  const fields = formToObject(await request.formData(), ['sourceIds'])
  const { pickedSourceIds, sourceQuery } = sourcePicks(fields, EVENT_LIMITS.sources)
  const selectedSources = await getSourcesByIds(db, pickedSourceIds, viewer)
  // A hand-made form naming a source the reader may not see is read as if it named only the ones
  // they may (so a confirmed event still needs a source they can see).
  const form = await parseForm(fields, schema, {
    prepare: (read) => ({ ...read, sourceIds: selectedSources.map((source) => String(source.id)) }),
  })
  const common = { values: form.values, selectedSources, sourceQuery }
  if (isSourceSearch(fields)) {
    const foundSources = sourceQuery ? await searchSources(db, { query: sourceQuery, viewer }) : []
    return { kind: 'search' as const, ...common, foundSources }
  }
  if (!form.success) return { kind: 'invalid' as const, ...common, errors: form.fieldErrors }
  return { kind: 'valid' as const, ...common, input: form.data as z.output<Schema> }
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
