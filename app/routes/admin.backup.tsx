// /admin/backup: what a backup holds and leaves out, how to restore one, and the download (a POST to
// /admin/backup.json, recorded in the activity log). Admins only: the file holds restricted cases.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { backupTables, EXCLUDED_TABLES, schemaVersion } from '~/backup/catalog.server'
import { BACKUP_FORMAT_VERSION, backupFileName } from '~/backup/format'
import { AdminNav } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'manage:access')
  const db = await getDb()
  const tables = await backupTables(db)
  return {
    schemaVersion: await schemaVersion(db),
    formatVersion: BACKUP_FORMAT_VERSION,
    fileName: backupFileName(),
    included: tables.map((t) => t.name),
    excluded: Object.entries(EXCLUDED_TABLES).map(([name, reason]) => ({ name, reason })),
    missingConfirmation: new URL(request.url).searchParams.get('missing') === 'keepSafe',
  }
}

export default function AdminBackupPage() {
  const data = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="backup-title" className="admin-page">
      <AdminNav />
      <h1 id="backup-title">Backup</h1>
      <p>
        A backup is one file holding every record in the tracker: all cases — restricted ones
        included — with their timelines, sources, documents and actions, the users with their
        password hashes, access grants, and the whole activity log. It can be restored into an empty
        database to bring the tracker back exactly as it was.
      </p>
      <p className="alert alert--warning" role="note">
        <strong>The file holds restricted data.</strong> Keep it as carefully as the database
        itself: on encrypted storage, never by e-mail or in a shared folder, and delete copies you
        no longer need. Each download is recorded in the activity log.
      </p>

      <h2>Download</h2>
      <Form method="post" action="/admin/backup.json" reloadDocument className="panel">
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="keepSafe"
              value="yes"
              required
              aria-invalid={data.missingConfirmation || undefined}
              aria-describedby={data.missingConfirmation ? 'keep-safe-error' : 'keep-safe-hint'}
            />
            I will keep this file safe
          </label>
          {data.missingConfirmation ? (
            <p id="keep-safe-error" className="field__error">
              Tick this box to confirm you will keep the file safe, then download again.
            </p>
          ) : (
            <p id="keep-safe-hint" className="field__hint">
              The file is named {data.fileName}. A large caseload takes a minute or more.
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary">
          Download backup
        </button>
      </Form>

      <h2>How to restore</h2>
      <ol>
        <li>
          Start from an <strong>empty</strong> database: a new PostgreSQL database, or for the
          embedded one a new folder (<code>PGLITE_DIR</code>) with the app stopped. A database that
          holds any data is refused, and nothing is written to it.
        </li>
        <li>
          Use the version of the app that made the backup: the file must match this database’s
          schema version (now <code>{data.schemaVersion ?? 'none'}</code>) and backup format version{' '}
          {data.formatVersion}.
        </li>
        <li>
          Run <code>npm run restore &lt; {data.fileName}</code> (with{' '}
          <code>DATABASE_URL=postgres://…</code> set for PostgreSQL). A truncated or edited file is
          refused with a message naming the problem; nothing is written.
        </li>
        <li>Start the app and sign in with an account from the backup.</li>
      </ol>
      <p>
        From the command line, <code>npm run -s backup &gt; backup.json</code> writes the same file.
        The format is described in <code>docs/backup.md</code>.
      </p>

      <h2>What the file holds</h2>
      <p>
        {data.included.length} tables, in the order they are restored:{' '}
        {data.included.map((name, i) => (
          <span key={name}>
            {i > 0 ? ', ' : ''}
            <code>{name}</code>
          </span>
        ))}
        .
      </p>
      <h3>Left out</h3>
      <ul>
        {data.excluded.map((t) => (
          <li key={t.name}>
            <code>{t.name}</code>: {t.reason}
          </li>
        ))}
      </ul>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Backup · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
