// POST /admin/backup.json: the whole database as a backup file, for admins. A POST, because taking
// a backup writes its audit row (a GET never writes); the page's form sends it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { backupStream, recordBackupDownload } from '~/backup/download.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { auditActor } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'manage:access')
  return redirect('/admin/backup')
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'manage:access')
  const form = await request.formData()
  if (form.get('keepSafe') !== 'yes') return redirect('/admin/backup?missing=keepSafe')
  const db = await getDb()
  const fileName = await recordBackupDownload(db, { actor: auditActor(request, user) })
  return new Response(backupStream(db), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
