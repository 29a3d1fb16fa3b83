// Record ids are PostgreSQL `integer` columns: a number above their limit must be refused before it
// reaches a query, where it would be an error rather than "not found". The limit is declared here once.

/** The largest PostgreSQL `integer`, 2³¹ − 1: no record id is larger. */
export const MAX_ID = 2_147_483_647

/** A whole number from 1 to MAX_ID: something that can be a record's id. */
export function isRecordId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_ID
}
