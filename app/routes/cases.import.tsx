import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '~/case-import/limits'
import { STATUS_LABELS } from '~/case-import/status'
import { decodeCsvBytes, suggestMapping, parseCsvText } from '~/models/case-import-files.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requirePermission } from '~/guards/auth.server'
import { createCaseImport, listCaseImports, previousMapping } from '~/models/case-import.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const imports = await listCaseImports(await getDb(), { userId: user.id })
  return { imports }
}

const refused = (error: string, status = 400) => data({ error }, { status })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return refused('The upload could not be read: choose the file again and send it.')
  }
  const file = form.get('file')
  if (file === null || typeof file === 'string' || file.size === 0)
    return refused(
      file && typeof file !== 'string' && file.name
        ? 'The file is empty: it needs a header line and at least one row.'
        : 'Choose a CSV or TSV file to upload.',
    )
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))
  if (!decoded.ok) return refused(decoded.error)
  const parsed = parseCsvText(decoded.text)
  if (!parsed.ok) return refused(parsed.error)
  const db = await getDb()
  const { headers, rows } = parsed.value
  const mapping =
    (await previousMapping(db, { userId: user.id, headers })) ?? suggestMapping(headers)
  const id = await createCaseImport(db, {
    userId: user.id,
    fileName: file.name || 'upload.csv',
    content: decoded.text,
    headers,
    rowCount: rows.length,
    mapping,
  })
  return redirect(`/cases/import/${id}`)
}

export default function CaseImportUploadPage() {
  const { imports } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  return (
    <section aria-labelledby="import-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/cases">← All cases</Link>
      </p>
      <h1 id="import-title">Import cases from a CSV file</h1>
      <p className="muted">
        Upload a spreadsheet saved as CSV or TSV. Next you choose what each column is; then a dry
        run shows what would be created and updated and every problem, by line and column. Nothing
        is saved until you commit.
      </p>
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <div className="field">
          <label htmlFor="import-file">CSV or TSV file</label>
          <p id="import-file-hint" className="field__hint">
            UTF-8 (Excel: “CSV UTF-8”), separated by commas, semicolons or tabs, with a first line
            naming the columns; at most {MAX_IMPORT_ROWS.toLocaleString('en')} rows and{' '}
            {MAX_IMPORT_BYTES / 1_000_000} MB.
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            aria-describedby={
              answer?.error ? 'import-file-hint import-file-error' : 'import-file-hint'
            }
            aria-invalid={answer?.error ? true : undefined}
          />
          {answer?.error ? (
            <p id="import-file-error" className="field__error" role="alert">
              {answer.error}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Reading the file…' : 'Upload and map the columns'}
          </button>
        </div>
      </Form>
      <h2>Your recent imports</h2>
      {imports.length === 0 ? (
        <p className="empty-state">You have not imported a file yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Rows</th>
                <th scope="col">State</th>
                <th scope="col">Uploaded</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to={`/cases/import/${item.id}`}>{item.fileName}</Link>
                  </td>
                  <td className="numeric">{item.rowCount.toLocaleString('en')}</td>
                  <td>{STATUS_LABELS[item.status]}</td>
                  <td>
                    {new Date(item.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Import cases · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
