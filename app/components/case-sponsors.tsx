// The "Sponsors" section of a case (issue 13 §4): the MEPs and other people who sponsor it, since
// when and why, and for editors a form to add one (a search box, never a list of every actor) and a
// confirmed removal. Both forms post to /cases/:slug/sponsors and work without JavaScript: words typed
// without choosing a match come back as buttons, one per person found.
import { Form, Link } from '@remix-run/react'
import { formatPartialDate } from '~/domain/dates'
import { DATE_PRECISIONS, labelOf, type ActorKind, type DatePrecision } from '~/domain/vocabularies'
import type { FieldErrors } from '~/utils/forms'
import { SearchCombobox } from './charts/search-combobox'
import { FormErrorSummary, SelectField, TextAreaField, TextField } from './form-fields'

export type SponsorView = {
  actorId: number
  name: string
  kind: ActorKind
  politicalGroup: string | null
  since: string | null
  sincePrecision: DatePrecision | null
  note: string
}

/** What the add form was sent with when it failed, and the people the words typed found. */
export type SponsorFormState = {
  errors?: FieldErrors
  formError?: string
  values?: Record<string, string | string[]>
  matches?: { id: number; label: string }[]
}

export function sinceText(sponsor: Pick<SponsorView, 'since' | 'sincePrecision'>) {
  return sponsor.since && sponsor.sincePrecision
    ? formatPartialDate({ date: sponsor.since, precision: sponsor.sincePrecision })
    : null
}

function RemoveSponsor({ slug, sponsor }: { slug: string; sponsor: SponsorView }) {
  const id = `remove-sponsor-${sponsor.actorId}`
  return (
    <details className="case-sponsors__remove">
      <summary>
        Remove<span className="visually-hidden"> {sponsor.name} as a sponsor</span>
      </summary>
      <Form method="post" action={`/cases/${slug}/sponsors`}>
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="actorId" value={sponsor.actorId} />
        <label className="checkbox" htmlFor={id}>
          <input id={id} type="checkbox" name="confirm" value="yes" required /> Yes, {sponsor.name}{' '}
          no longer sponsors this case
        </label>{' '}
        <button type="submit" className="button button--danger">
          Remove sponsor
        </button>
      </Form>
    </details>
  )
}

function AddSponsorForm({ slug, state }: { slug: string; state?: SponsorFormState }) {
  const values = state?.values ?? {}
  const value = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '')
  return (
    <Form method="post" action={`/cases/${slug}/sponsors`} className="case-sponsors__add">
      <h3>Add a sponsor</h3>
      <FormErrorSummary errors={state?.errors} formError={state?.formError} />
      <input type="hidden" name="intent" value="add" />
      <SearchCombobox
        id="sponsor-actor"
        label="Sponsor (an MEP or another person)"
        name="actorId"
        textName="actorQ"
        endpoint="/actors/sponsors.json"
        selectedId={Number(value('actorId')) || undefined}
        text={value('actorQ')}
        placeholder="Type part of a name"
      />
      {state?.errors?.actorQ?.[0] ? <p className="field__error">{state.errors.actorQ[0]}</p> : null}
      {state?.matches?.length ? (
        <fieldset className="case-sponsors__matches">
          <legend>Choose who you meant:</legend>
          {state.matches.map((match) => (
            <button
              key={match.id}
              type="submit"
              name="actorId"
              value={match.id}
              className="button button--quiet"
            >
              {match.label}
            </button>
          ))}
        </fieldset>
      ) : null}
      <div className="case-sponsors__since">
        <TextField
          name="since"
          label="Sponsor since"
          hint="YYYY-MM-DD, YYYY-MM or YYYY; leave empty if unknown"
          defaultValue={value('since')}
          errors={state?.errors}
          maxLength={10}
        />
        <SelectField
          name="sincePrecision"
          label="Precision"
          defaultValue={value('sincePrecision') || 'day'}
          options={DATE_PRECISIONS}
        />
      </div>
      <TextAreaField
        name="note"
        label="Note"
        rows={2}
        maxLength={2000}
        defaultValue={value('note')}
        errors={state?.errors}
      />
      <button type="submit" className="button button--primary">
        Add sponsor
      </button>
    </Form>
  )
}

export function CaseSponsors({
  slug,
  sponsors,
  canEdit,
  state,
}: {
  slug: string
  sponsors: SponsorView[]
  canEdit: boolean
  state?: SponsorFormState
}) {
  return (
    <section aria-labelledby="sponsors-title" className="panel case-sponsors" id="sponsors">
      <h2 id="sponsors-title">Sponsors</h2>
      {sponsors.length === 0 ? (
        <p className="empty-state">No MEP sponsors this case yet.</p>
      ) : (
        <ul className="plain-list">
          {sponsors.map((sponsor) => (
            <li key={sponsor.actorId}>
              <Link to={`/actors/${sponsor.actorId}`}>{sponsor.name}</Link>{' '}
              <span className="badge badge--outline">{labelOf(sponsor.kind)}</span>
              {sponsor.politicalGroup ? ` ${sponsor.politicalGroup}` : null}
              {sinceText(sponsor) ? (
                <span className="muted"> — since {sinceText(sponsor)}</span>
              ) : null}
              {sponsor.note ? <p className="case-sponsors__note">{sponsor.note}</p> : null}
              {canEdit ? <RemoveSponsor slug={slug} sponsor={sponsor} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        // A new key once the list changes, so the form starts empty after a sponsor was added.
        <AddSponsorForm key={sponsors.map((s) => s.actorId).join(',')} slug={slug} state={state} />
      ) : null}
    </section>
  )
}
