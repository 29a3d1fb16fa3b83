// Reading a route's parameters: anything that is not a record's id answers 404, as a missing
// record does, so a mistyped or hand-made address never reaches the database.
import { invariantResponse } from './invariant'
import { isRecordId } from './record-id'

/** A positive integer id from a route parameter, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value)
  invariantResponse(isRecordId(id))
  return id
}
