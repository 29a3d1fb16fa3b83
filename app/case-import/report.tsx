// The dry run's report and the commit's result: what would be (or was) created and updated, every
// problem by line and column, the problem rows to download, and the two ways to commit.
import { Form, Link } from '@remix-run/react'
import type { CommitResult, DryRunReport } from './types'
import type { Problem } from './plan'

const n = (value: number) => value.toLocaleString('en')
export const PROBLEMS_SHOWN = 200

function Figures({ items }: { items: [string, number][] }) {
  return (
    <dl className="key-figures">
      {items.map(([label, value]) => (
        <div className="key-figure" key={label}>
          <dt className="key-figure__label">{label}</dt>
          <dd className="key-figure__value">{n(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

function ProblemTable({ problems }: { problems: Problem[] }) {
  return (
    <div className="table-wrap">
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">Problems by line and column</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Column</th>
            <th scope="col">Value</th>
            <th scope="col">Problem</th>
            <th scope="col">Expected</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
            <tr key={i}>
              <td className="numeric">{p.line}</td>
              <td>{p.column ?? '(the row)'}</td>
              <td>
                <code>
                  {p.value.length > 80 ? `${p.value.slice(0, 77)}…` : p.value || '(empty)'}
                </code>
              </td>
              <td>
                {p.severity === 'error' ? <strong>Error: </strong> : 'Note: '}
                {p.message}
              </td>
              <td>{p.expected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function DryRunReportView({
  id,
  report,
  refusal,
}: {
  id: number
  report: DryRunReport
  refusal: Extract<CommitResult, { ok: false }> | null
}) {
  const { counts } = report
  const errors = report.problems.filter((p) => p.severity === 'error')
  const warnings = report.problems.filter((p) => p.severity === 'warning')
  return (
    <>
      {refusal ? (
        <div className="alert alert--error" role="alert">
          <p>{refusal.message}</p>
          {refusal.lines.length ? (
            <p>
              Lines: {refusal.lines.slice(0, 50).join(', ')}
              {refusal.lines.length > 50 ? ', …' : ''}
            </p>
          ) : null}
        </div>
      ) : null}
      <h2>What the import would do</h2>
      <Figures
        items={[
          ['Cases to create', counts.create],
          ['Cases to update', counts.update],
          ['Events to add', counts.events],
          ['New sources', counts.sourcesNew],
          ['Sources reused from the library', counts.sourcesReused],
          ['Rows with errors', counts.errorRows],
        ]}
      />
      <p className="muted">
        {n(counts.rows)} rows read; {n(counts.citations)} citations to add. Existing cases are
        matched by their address (slug), or by exactly the same name and country among the cases you
        can see.
      </p>
      <h2 id="problems">Problems</h2>
      {report.problems.length === 0 ? (
        <p className="empty-state">No problems: every row can be imported.</p>
      ) : (
        <>
          <p>
            {n(errors.length)} errors in {n(counts.errorRows)} rows
            {warnings.length ? `, and ${n(warnings.length)} notes that do not stop a row` : ''}.
            {report.problems.length > PROBLEMS_SHOWN
              ? ` The first ${PROBLEMS_SHOWN} are listed; the download holds every problem row.`
              : ''}
          </p>
          {errors.length > 0 ? (
            <p>
              <a href={`/cases/import/${id}/problems.csv`} download>
                Download the {n(counts.errorRows)} problem rows (CSV)
              </a>{' '}
              — the file’s own columns and one more naming each row’s problems. Fix them in your
              spreadsheet and upload that file again.
            </p>
          ) : null}
          <ProblemTable problems={report.problems} />
        </>
      )}
      <h2>Import</h2>
      <Form method="post" className="form">
        {errors.length === 0 ? (
          <div className="form-actions">
            <button type="submit" name="intent" value="commit" className="button button--primary">
              Import {n(counts.validRows)} rows
            </button>
            <span className="muted">All in one go: if anything fails, nothing is saved.</span>
          </div>
        ) : (
          <>
            <p>
              Nothing can be imported as a whole while {n(counts.errorRows)} rows have errors. Fix
              them and upload the file again, or leave them out:
            </p>
            <div className="form-actions">
              <input type="hidden" name="leaveOut" value="yes" />
              <button
                type="submit"
                name="intent"
                value="commit"
                className="button button--primary"
                disabled={counts.validRows === 0}
              >
                Import the {n(counts.validRows)} valid rows and leave out the {n(counts.errorRows)}{' '}
                listed
              </button>
            </div>
          </>
        )}
      </Form>
      <Form method="post" className="form">
        <button type="submit" name="intent" value="edit-mapping" className="button button--quiet">
          Change the mapping
        </button>
      </Form>
    </>
  )
}

export function CommitResultView({ result }: { result: Extract<CommitResult, { ok: true }> }) {
  return (
    <>
      <p className="alert alert--success" role="status">
        Imported: {n(result.created)} cases created and {n(result.updated)} updated
        {result.leftOut ? `; ${n(result.leftOut)} rows with problems were left out` : ''}.
      </p>
      <Figures
        items={[
          ['Cases created', result.created],
          ['Cases updated', result.updated],
          ['Events added', result.events],
          ['New sources', result.sourcesNew],
          ['Citations added', result.citations],
          ['Rows left out', result.leftOut],
        ]}
      />
      {result.slugs.length ? (
        <>
          <h2>Cases imported</h2>
          <ul className="plain-list">
            {result.slugs.map((slug) => (
              <li key={slug}>
                <Link to={`/cases/${slug}`}>{slug}</Link>
              </li>
            ))}
          </ul>
          {result.created > result.slugs.length ? (
            <p className="muted">… and more: see the case list, newest first.</p>
          ) : null}
        </>
      ) : null}
    </>
  )
}
