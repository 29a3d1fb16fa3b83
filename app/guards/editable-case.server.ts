// Loading a case for a write: editors and admins only (403), and only a case the user may see (404,
// so a restricted case's existence is not revealed).
import { getCaseForUser } from '../models/case.server'
import { requirePermission } from './auth.server'
import { getDb } from '../utils/db.server'
import { invariantResponse } from '../utils/invariant'

export async function requireEditableCase(request: Request, slug: string | undefined) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const record = await getCaseForUser(db, { slug: slug ?? '', viewer: user })
  invariantResponse(record)
  return { user, db, record }
}
