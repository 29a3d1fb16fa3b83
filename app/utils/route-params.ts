// Reading a route's parameters: anything that is not a record's id answers 404, as a missing
// record does, so a mistyped or hand-made address never reaches the database.

/** A positive integer id from a route parameter, or a 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value)
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647)
    throw new Response('Not found', { status: 404 })
  return id
}
