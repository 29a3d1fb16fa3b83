import { randomUUID } from 'node:crypto'
import type { Actor } from '../models/audit.server'

/** Who is acting and in which request, for the audit rows a write leaves. */
export function auditActor(request: Request, user: { id: number }): Actor {
  return { userId: user.id, requestId: request.headers.get('x-request-id') ?? randomUUID() }
}

/** Reads a positive page number from the query string; anything else is page 1. */
export function pageFrom(url: URL): number {
  const page = Number(url.searchParams.get('page'))
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1
}
