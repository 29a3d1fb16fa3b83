import { Link } from '@remix-run/react'
import { daysAgo } from '~/domain/attention'
import { formatPartialDate } from '~/domain/dates'
import { genderLabel } from '~/domain/person'
import { describeDetention, type DetentionSummary } from '~/domain/status'
import type {
  Consent,
  CustodyState,
  DatePrecision,
  Ground,
  LegalStage,
  RiskLevel,
  Visibility,
} from '~/domain/vocabularies'
import { labelOf } from '~/domain/vocabularies'
import { CustodyBadge, LegalStageBadge, RiskBadge, VisibilityBadge } from './badges'

export type CaseHeaderData = {
  slug: string
  fullName: string
  aliases: string[]
  displayName: string | null
  country: string | null
  region: string | null
  nationality: string | null
  gender: string
  dateOfBirth: string | null
  dateOfBirthPrecision: DatePrecision | null
  grounds: Ground[]
  consent: Consent
  riskLevel: RiskLevel
  visibility: Visibility
  currentCustodyState: CustodyState | null
  currentLegalStage: LegalStage | null
  ownerName: string | null
  updatedAt: Date | string
}

export function CaseHeader({
  record,
  detention,
  attention,
  today,
  can,
}: {
  record: CaseHeaderData
  detention: DetentionSummary | null
  attention: boolean
  today: string
  can: { edit: boolean; history: boolean; access: boolean }
}) {
  return (
    <header className="case__header">
      <div className="case__title-row">
        <h1 id="case-title">{record.fullName}</h1>
        <div className="case__actions">
          {can.edit ? (
            <>
              <Link to={`/cases/${record.slug}/events/new`} className="button button--primary">
                Record an event
              </Link>
              <Link to={`/cases/${record.slug}/edit`} className="button">
                Edit case
              </Link>
            </>
          ) : null}
          <Link to={`/cases/${record.slug}/statement`} className="button">
            Generate a statement
          </Link>
          {can.history ? (
            <Link to={`/cases/${record.slug}/history`} className="button">
              History
            </Link>
          ) : null}
          {can.access ? (
            <Link to={`/cases/${record.slug}/access`} className="button">
              Access
            </Link>
          ) : null}
        </div>
      </div>
      {record.aliases.length > 0 ? (
        <p className="case__aliases">Also written: {record.aliases.join(' · ')}</p>
      ) : null}
      {record.displayName ? (
        <p className="case__aliases">Public display name: {record.displayName}</p>
      ) : null}
      <p className="badges">
        <CustodyBadge state={record.currentCustodyState} />
        <LegalStageBadge stage={record.currentLegalStage} />
        <RiskBadge risk={record.riskLevel} />
        <VisibilityBadge visibility={record.visibility} />
        {attention ? (
          <span
            className="badge badge--attention"
            title="Deprived of liberty, with no event and no action for 30 days"
          >
            Needs attention
          </span>
        ) : null}
      </p>
      {detention ? (
        <p className="case__detention">In detention for {describeDetention(detention)}</p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>Country</dt>
          <dd>{[record.region, record.country].filter(Boolean).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Nationality</dt>
          <dd>{record.nationality ?? '—'}</dd>
        </div>
        <div>
          <dt>Gender (sensitive)</dt>
          <dd>{genderLabel(record.gender)}</dd>
        </div>
        <div>
          <dt>Date of birth (sensitive)</dt>
          <dd>
            {record.dateOfBirth && record.dateOfBirthPrecision
              ? formatPartialDate({
                  date: record.dateOfBirth,
                  precision: record.dateOfBirthPrecision,
                })
              : 'Unknown'}
          </dd>
        </div>
        <div>
          <dt>Grounds (sensitive)</dt>
          <dd>{record.grounds.map(labelOf).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Consent to publicity</dt>
          <dd>{labelOf(record.consent)}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{record.ownerName ?? 'Unassigned'}</dd>
        </div>
        <div>
          <dt>Last updated</dt>
          <dd>
            <time dateTime={new Date(record.updatedAt).toISOString()}>
              {daysAgo(new Date(record.updatedAt).toISOString().slice(0, 10), today)}
            </time>
          </dd>
        </div>
      </dl>
    </header>
  )
}
