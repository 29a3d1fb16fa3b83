import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { describeTarget, checkMapping, readMappingForm } from '~/case-import/mapping'
import { MappingForm } from '~/case-import/mapping-form'
import { CommitResultView, DryRunReportView } from '~/case-import/report'
import { STATUS_LABELS } from '~/case-import/status'
import { columnLabels, exampleValues } from '~/models/case-import-files.server'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requirePermission } from '~/guards/auth.server'
import { startCommit, startDryRun, commitProgressOf } from '~/models/case-import-run.server'
import { claimCaseImport, getCaseImport, getCaseImportSample } from '~/models/case-import.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import { idParam } from '~/utils/route-params'
import { auditActor } from '~/utils/request.server'

/** The import of this user, or a 404 — also for someone else's (its file may hold restricted data). */
async function ownImport(request: Request, param: string | undefined) {
  const user = await requirePermission(request, 'update:case')
  const id = idParam(param)
  const db = await getDb()
  const record = await getCaseImport(db, { id, userId: user.id })
  invariantResponse(record)
  return { user, db, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record } = await ownImport(request, params.importId)
  const labels = columnLabels(record.headers)
  const examples =
    record.status === 'uploaded'
      ? exampleValues(
          await getCaseImportSample(db, { id: record.id, userId: user.id }),
          labels.length,
        )
      : []
  const done =
    record.status === 'committing'
      ? (commitProgressOf(record.id) ?? record.progressDone)
      : record.progressDone
  return { record, labels, examples, done }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await ownImport(request, params.importId)
  const form = await request.formData().catch(() => new FormData())
  const intent = form.get('intent')
  const viewer = { id: user.id, role: user.role }
  const here = `/cases/import/${record.id}`
  if (intent === 'dry-run') {
    const labels = columnLabels(record.headers)
    const mapping = readMappingForm((name) => {
      const value = form.get(name)
      return typeof value === 'string' ? value : null
    }, labels.length)
    const errors = checkMapping(labels, mapping)
    if (Object.keys(errors).length > 0) return data({ errors, mapping }, { status: 400 })
    if (!(await startDryRun(db, { id: record.id, viewer, mapping })))
      return data(
        { errors: { mapping: 'A dry run or an import of this file is already running.' }, mapping },
        { status: 409 },
      )
    return redirect(here)
  }
  if (intent === 'edit-mapping') {
    await claimCaseImport(db, {
      id: record.id,
      userId: user.id,
      from: ['planned', 'failed'],
      to: 'uploaded',
      set: { result: null },
    })
    return redirect(here)
  }
  if (intent === 'commit') {
    const leaveOut = form.get('leaveOut') === 'yes'
    await startCommit(db, { id: record.id, viewer, actor: auditActor(request, user), leaveOut })
    return redirect(here)
  }
  return data(
    { errors: { mapping: 'Choose what to do: run the dry run, or import.' }, mapping: null },
    { status: 400 },
  )
}

function Progress({ what, done, total }: { what: string; done: number; total: number }) {
  return (
    <div role="status">
      <p>
        {what}: {done.toLocaleString('en')} of {total.toLocaleString('en')} rows.
      </p>
      <progress max={total} value={done} aria-label={what} />
      <p className="muted">
        This page refreshes itself every two seconds; you may leave it and come back.
      </p>
    </div>
  )
}

export default function CaseImportPage() {
  const { record, labels, examples, done } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const { status } = record
  const refusal = record.result && !record.result.ok ? record.result : null
  return (
    <section aria-labelledby="import-title">
      <p className="breadcrumb">
        <Link to="/cases/import">← Imports</Link>
      </p>
      <h1 id="import-title">
        Import of {record.fileName} <span className="muted">— {STATUS_LABELS[status]}</span>
      </h1>
      <p className="muted">
        {record.rowCount.toLocaleString('en')} rows, {labels.length} columns.
      </p>
      {status === 'uploaded' ? (
        <MappingForm
          labels={labels}
          examples={examples}
          mapping={answer?.mapping ?? record.mapping ?? { columns: [], constants: {} }}
          errors={answer?.errors ?? {}}
        />
      ) : null}
      {status === 'dry_running' ? (
        <Progress what="Dry run" done={done} total={record.rowCount} />
      ) : null}
      {status === 'committing' ? (
        <Progress what="Importing" done={done} total={record.rowCount} />
      ) : null}
      {status === 'planned' && record.report ? (
        <>
          <details>
            <summary>The mapping used</summary>
            <ul>
              {labels.map((label, i) => {
                const target = record.mapping?.columns[i]
                return (
                  <li key={i}>
                    {label}: {target ? describeTarget(target) : 'Internal notes'}
                  </li>
                )
              })}
              {Object.entries(record.mapping?.constants ?? {}).map(([field, value]) => (
                <li key={field}>
                  Every row: {field} = {value}
                </li>
              ))}
            </ul>
          </details>
          <DryRunReportView id={record.id} report={record.report} refusal={refusal} />
        </>
      ) : null}
      {status === 'committed' && record.result?.ok ? (
        <>
          <CommitResultView result={record.result} />
          {record.report && record.report.counts.errorRows > 0 ? (
            <p>
              <a href={`/cases/import/${record.id}/problems.csv`} download>
                Download the {record.report.counts.errorRows} rows left out (CSV)
              </a>{' '}
              to fix them and import them too.
            </p>
          ) : null}
          <p>
            <Link to="/cases">See the case list</Link> ·{' '}
            <Link to="/cases/import">Import another file</Link>
          </p>
        </>
      ) : null}
      {status === 'failed' ? (
        <>
          <p className="alert alert--error" role="alert">
            {record.error ??
              'The last step stopped before it finished (the server restarted). Nothing was written.'}
          </p>
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="edit-mapping"
              className="button button--primary"
            >
              Back to the mapping
            </button>
          </Form>
        </>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => {
  const running = loaded?.record.status === 'dry_running' || loaded?.record.status === 'committing'
  return [
    { title: `Import of ${loaded?.record.fileName ?? 'a file'} · Case tracker` },
    ...(running ? [{ httpEquiv: 'refresh', content: '2' } as const] : []),
  ]
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
