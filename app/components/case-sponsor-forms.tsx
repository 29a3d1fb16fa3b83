// The sponsors page's forms (issue 13 §4): add a sponsor — picked in a search box, never a list of
// every actor — since a date, with a note; remove one after ticking a confirmation. Both post to
// /cases/:slug/sponsors and work without JavaScript: words typed without choosing a match come back
// as buttons, one per person found.
import { Form } from '@remix-run/react'
import { DATE_PRECISIONS } from '~/domain/vocabularies'
import type { FieldErrors } from '~/utils/forms'
import type { SponsorView } from './case-sponsors'
import { SearchCombobox } from './search-combobox'
import { FormErrorSummary, SelectField, TextAreaField, TextField } from './form-fields'

/** What the add form was sent with when it failed, and the people the words typed found. */
export type SponsorFormState = {
  errors?: FieldErrors
  formError?: string
  values?: Record<string, string | string[]>
  matches?: { id: number; label: string }[]
}

export function RemoveSponsor({ slug, sponsor }: { slug: string; sponsor: SponsorView }) {
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

export function AddSponsorForm({ slug, state }: { slug: string; state?: SponsorFormState }) {
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
