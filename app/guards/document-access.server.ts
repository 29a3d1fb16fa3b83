// Loading a document for a route: readers need 'read:case', writers 'update:case' (403), and the
// document must be one the user may see (404, so a restricted case's documents are not revealed).
import type { Permission } from '../domain/permissions'
import { requirePermission } from './auth.server'
import { idParam } from '../utils/route-params'
import { getDb } from '../utils/db.server'
import { getDocumentForUser } from '../models/document.server'
import { invariantResponse } from '../utils/invariant'

export async function requireDocument(
  request: Request,
  documentId: string | undefined,
  permission: Permission = 'update:case',
) {
  const user = await requirePermission(request, permission)
  const db = await getDb()
  const record = await getDocumentForUser(db, { id: idParam(documentId), viewer: user })
  invariantResponse(record)
  return { user, db, record }
}
