// The source picker that the event, action and citation forms share: the sources ticked (ids that
// can be records, each once) and the words of a source search, read from the form's fields.
import { isRecordId } from '../utils/record-id'

/** The longest source search kept. */
export const SOURCE_QUERY_LENGTH = 200

/** Whether the form asked to search the library instead of saving. */
export function isSourceSearch(fields: Record<string, unknown>): boolean {
  return fields.intent === 'find-sources'
}

/** The ids ticked (at most `max`, each once, anything that cannot be an id left out) and the search. */
export function sourcePicks(fields: Record<string, unknown>, max: number) {
  const ids = (Array.isArray(fields.sourceIds) ? fields.sourceIds : []).map(Number)
  const sourceQuery =
    typeof fields.sourceQuery === 'string'
      ? fields.sourceQuery.trim().slice(0, SOURCE_QUERY_LENGTH)
      : ''
  return { pickedSourceIds: [...new Set(ids.filter(isRecordId))].slice(0, max), sourceQuery }
}
