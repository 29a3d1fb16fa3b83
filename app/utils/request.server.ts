import { randomUUID } from 'node:crypto'

/** Who acts and in which request: the shape the audit rows take (models/audit.server's `Actor`). */
export type RequestActor = { userId: number; requestId: string }

const requestIds = new WeakMap<Request, string>()

/**
 * The id that ties together the audit rows of one request. Made here, never read from a header: a
 * client must not be able to make its writes look like part of someone else's request.
 */
export function requestIdOf(request: Request): string {
  let id = requestIds.get(request)
  if (!id) {
    id = randomUUID()
    requestIds.set(request, id)
  }
  return id
}

/** Who is acting and in which request, for the audit rows a write leaves. */
export function auditActor(request: Request, user: { id: number }): RequestActor {
  return { userId: user.id, requestId: requestIdOf(request) }
}

/** Reads a positive page number from the query string; anything else is page 1. */
export function pageFrom(url: URL): number {
  const page = Number(url.searchParams.get('page'))
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1
}
