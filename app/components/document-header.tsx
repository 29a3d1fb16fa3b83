import { Link } from '@remix-run/react'
import { formatPartialDate, type PartialDate } from '~/domain/dates'
import { languageLabel } from '~/domain/document-languages'
import { labelOf } from '~/domain/vocabularies'

type HeaderRecord = {
  id: number
  kind: string
  title: string
  place: string | null
  documentDate: string | null
  datePrecision: PartialDate['precision'] | null
  issuerId: number | null
  issuerName: string | null
  language: string
  status: string
  url: string | null
  template?: string | null
}

/** "Brussels, 22 February 2023", "22 February 2023", "Brussels" or nothing. */
export function dateLineOf(record: Pick<HeaderRecord, 'place' | 'documentDate' | 'datePrecision'>) {
  const date =
    record.documentDate && record.datePrecision
      ? formatPartialDate({ date: record.documentDate, precision: record.datePrecision })
      : null
  return [record.place, date].filter(Boolean).join(', ')
}

export function DocumentStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${status === 'published' ? 'badge--ok' : 'badge--neutral'}`}>
      {labelOf(status)}
    </span>
  )
}

/** The document page's heading: what it is, when and where, who issued it. */
export function DocumentHeader({ record, canEdit }: { record: HeaderRecord; canEdit: boolean }) {
  const dateLine = dateLineOf(record)
  return (
    <header className="document__header">
      <div className="case__title-row">
        <div>
          <div className="badges">
            <span className="badge badge--outline">{labelOf(record.kind)}</span>
            <DocumentStatusBadge status={record.status} />
            <span className="badge badge--neutral" title="Language">
              {languageLabel(record.language)}
            </span>
          </div>
          <h1 id="document-title">{record.title}</h1>
        </div>
        {canEdit ? (
          <div className="case__actions">
            <Link to={`/documents/${record.id}/edit`} className="button">
              Edit document
            </Link>
          </div>
        ) : null}
      </div>
      <p className="document__dateline">
        {dateLine ? <span>{dateLine}</span> : <span className="muted">Date not recorded</span>}
        {record.issuerName ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>
              Issued by{' '}
              {record.issuerId ? (
                <Link to={`/actors/${record.issuerId}`}>{record.issuerName}</Link>
              ) : (
                record.issuerName
              )}
            </span>
          </>
        ) : null}
      </p>
      {record.template ? (
        <p className="document__url muted">
          Generated from the “{labelOf(record.template)}” statement template.
        </p>
      ) : null}
      {record.url ? (
        <p className="document__url">
          Published at{' '}
          <a href={record.url} rel="noopener noreferrer" target="_blank">
            {record.url}
          </a>
        </p>
      ) : null}
    </header>
  )
}
