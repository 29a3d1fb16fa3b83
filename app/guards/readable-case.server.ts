// Loading a case for a reader's own mark on it (following, "seen"): any signed-in reader, and only a
// case they may see (404 otherwise, so a restricted case's existence is not revealed). Reads only the
// case's id and slug.
import { findVisibleCase } from '../models/case-follow.server'
import { requirePermission } from './auth.server'
import { getDb } from '../utils/db.server'
import { invariantResponse } from '../utils/invariant'

export async function requireReadableCase(request: Request, slug: string | undefined) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const record = await findVisibleCase(db, { slug: slug ?? '', viewer: user })
  invariantResponse(record)
  return { user, db, record }
}
