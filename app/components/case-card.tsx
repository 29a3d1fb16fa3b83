// The case card's page (issue 13 §1): one A4 page in print, one column on a phone. The Print button
// appears once the page's script runs (it calls window.print()); without JavaScript the page says
// how to print from the browser instead.
import { useEffect, useState } from 'react'
import { formatPartialDate, type PartialDate } from '~/domain/dates'
import type { DetentionSummary } from '~/domain/status'
import {
  labelOf,
  type ActionKind,
  type ActionResponse,
  type ActorKind,
  type Certainty,
  type CustodyState,
  type DatePrecision,
  type LegalStage,
} from '~/domain/vocabularies'
import { CustodyBadge, LegalStageBadge } from './badges'
import { FootnoteList, FootnoteRef, type FootnoteEntry } from './footnotes'

export type CaseCardData = {
  slug: string
  name: string
  pseudonymous: boolean
  country: string | null
  internal: boolean
  custody: { state: CustodyState | null; since: PartialDate | null }
  stage: { stage: LegalStage | null; since: PartialDate | null }
  detention: DetentionSummary | null
  events: {
    id: number
    date: PartialDate
    custodyState: CustodyState | null
    legalStage: LegalStage | null
    certainty: Certainty
    description: string
    footnoteNumbers: number[]
  }[]
  latestAction: {
    kind: ActionKind
    title: string
    actionDate: string
    datePrecision: DatePrecision
    response: ActionResponse
    outcomeNotes: string
    actorName: string | null
    targetName: string | null
  } | null
  next: { date: PartialDate; legalStage: LegalStage | null; description: string } | null
  sponsors: {
    actorId: number
    name: string
    kind: ActorKind
    politicalGroup: string | null
    since: string | null
    sincePrecision: DatePrecision | null
    /** Cut for the card, and cleaned of names and sensitive sentences without consent. */
    note: string
  }[]
  moreSponsors: number
  keySourceNumbers: number[]
  footnotes: FootnoteEntry[]
}

function PrintButton() {
  const [scripted, setScripted] = useState(false)
  useEffect(() => setScripted(true), [])
  if (!scripted)
    return <p className="muted">To print, use your browser’s Print command (Ctrl+P or ⌘P).</p>
  return (
    <button type="button" className="button button--primary" onClick={() => window.print()}>
      Print
    </button>
  )
}

const since = (date: PartialDate | null) => (date ? `since ${formatPartialDate(date)}` : null)

const sponsorLabel = (s: CaseCardData['sponsors'][number]) =>
  [s.kind === 'mep' ? 'MEP' : null, s.politicalGroup].filter(Boolean).join(', ')

function Refs({ numbers }: { numbers: number[] }) {
  return numbers.map((n) => <FootnoteRef key={n} number={n} />)
}

export function CaseCardView({ card, printedOn }: { card: CaseCardData; printedOn: string }) {
  const notice = card.internal ? 'Internal — do not forward' : null
  const action = card.latestAction
  return (
    <article className="case-card" aria-labelledby="card-title">
      <header className="case-card__head">
        {notice ? <p className="case-card__notice">{notice}</p> : null}
        <h1 id="card-title">{card.name}</h1>
        <p className="case-card__sub">
          {card.country ? `${card.country}. ` : null}
          {card.pseudonymous ? (
            <span className="case-card__pseudonym">
              No consent to publicity: do not name the person.
            </span>
          ) : null}
        </p>
        <div className="case-card__screen-only case-card__print">
          <PrintButton />
        </div>
      </header>

      <dl className="case-card__facts">
        <div>
          <dt>Custody</dt>
          <dd>
            <CustodyBadge state={card.custody.state} /> {since(card.custody.since)}
          </dd>
        </div>
        <div>
          <dt>Legal stage</dt>
          <dd>
            {card.stage.stage ? <LegalStageBadge stage={card.stage.stage} /> : '—'}{' '}
            {since(card.stage.since)}
          </dd>
        </div>
        <div>
          <dt>Days in detention</dt>
          <dd>
            {card.detention ? (
              <>
                <strong className="case-card__days">
                  {card.detention.atLeast ? 'at least ' : ''}
                  {card.detention.days.toLocaleString('en')}
                </strong>{' '}
                since {formatPartialDate(card.detention.since)}
              </>
            ) : (
              'Not in detention'
            )}
          </dd>
        </div>
        <div>
          <dt>Next date</dt>
          <dd>
            {card.next ? (
              <>
                <strong>{formatPartialDate(card.next.date)}</strong>
                {card.next.legalStage ? ` — ${labelOf(card.next.legalStage)}` : null}
                {card.next.description ? ` — ${card.next.description}` : null}
              </>
            ) : (
              'None scheduled'
            )}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="card-events" className="case-card__section">
        <h2 id="card-events">Latest events</h2>
        {card.events.length === 0 ? (
          <p className="muted">No events recorded yet.</p>
        ) : (
          <ol className="case-card__events">
            {card.events.map((event) => (
              <li key={event.id}>
                <strong>{formatPartialDate(event.date)}</strong>{' '}
                {event.custodyState ? <CustodyBadge state={event.custodyState} /> : null}{' '}
                <LegalStageBadge stage={event.legalStage} />
                {event.certainty === 'alleged' ? (
                  <span className="badge badge--neutral">Reported, unconfirmed</span>
                ) : null}{' '}
                {event.description ||
                  (card.pseudonymous ? (
                    <span className="muted">Details left out without consent.</span>
                  ) : null)}
                <Refs numbers={event.footnoteNumbers} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <div className="case-card__pair">
        <section aria-labelledby="card-action" className="case-card__section">
          <h2 id="card-action">Latest action</h2>
          {action ? (
            <p>
              <strong>
                {formatPartialDate({ date: action.actionDate, precision: action.datePrecision })}
              </strong>{' '}
              {labelOf(action.kind)}
              {action.title ? `: ${action.title}` : null}
              {action.actorName ? ` — by ${action.actorName}` : null}
              {action.targetName ? `, to ${action.targetName}` : null}.{' '}
              <span className="case-card__response">Response: {labelOf(action.response)}</span>
              {action.outcomeNotes ? ` — ${action.outcomeNotes}` : null}
            </p>
          ) : (
            <p className="muted">No action recorded yet.</p>
          )}
        </section>
        <section aria-labelledby="card-sponsors" className="case-card__section">
          <h2 id="card-sponsors">Sponsors</h2>
          {card.sponsors.length === 0 ? (
            <p className="muted">No MEP sponsors this case yet.</p>
          ) : (
            <ul className="case-card__sponsors">
              {card.sponsors.map((s) => (
                <li key={s.actorId}>
                  <strong>{s.name}</strong>
                  {sponsorLabel(s) ? ` (${sponsorLabel(s)})` : null}
                  {s.since && s.sincePrecision
                    ? ` since ${formatPartialDate({ date: s.since, precision: s.sincePrecision })}`
                    : null}
                  {s.note ? <span className="case-card__note"> — {s.note}</span> : null}
                </li>
              ))}
              {card.moreSponsors > 0 ? <li>and {card.moreSponsors} more</li> : null}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="card-sources" className="case-card__section case-card__sources">
        <h2 id="card-sources">Sources</h2>
        {card.keySourceNumbers.length > 0 ? (
          <p className="muted">
            Key sources on the case: <Refs numbers={card.keySourceNumbers} />
          </p>
        ) : null}
        <FootnoteList footnotes={card.footnotes} />
      </section>

      <footer className="case-card__foot">
        Printed on {printedOn} from the case tracker
        {notice ? ` · ${notice}` : null}
      </footer>
    </article>
  )
}
