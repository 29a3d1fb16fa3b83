import type { Conflict } from '~/domain/conflict'
import { formatTimestamp } from '~/domain/dates'

/** Shown when someone else saved first: nothing was saved, what was typed is kept in the form. */
export function ConflictNotice({ conflict, what = 'case' }: { conflict: Conflict; what?: string }) {
  return (
    <section className="alert alert--error conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title" className="conflict__title">
        This {what} was changed by {conflict.changedBy} at {formatTimestamp(conflict.changedAt)}
      </h2>
      <p>
        Nothing was saved. Your version is still in the form below. Compare it with what is saved
        now, then save again to replace it, or cancel to keep the saved version.
      </p>
      {conflict.differences.length > 0 ? (
        <table className="data-table data-table--compact conflict__table">
          <caption className="visually-hidden">Fields that differ</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now</th>
              <th scope="col">You typed</th>
            </tr>
          </thead>
          <tbody>
            {conflict.differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">{d.label}</th>
                <td>{d.saved || '—'}</td>
                <td>{d.typed || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>
          The saved values are the same as yours; the change was elsewhere in the {what} (for a
          case, e.g. its timeline).
        </p>
      )}
    </section>
  )
}
