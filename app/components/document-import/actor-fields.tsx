// The people and bodies of an import preview: issuer and addressee, the speakers of the quotes and
// the press contacts — each matched to an existing actor or proposed as a new one, editable.
import type { ReactNode } from 'react'
import { fieldName, type ImportValues } from '~/document-import/values'
import { ACTOR_KINDS } from '~/domain/vocabularies'
import { actorOptions, type ActorChoice } from '../document-form'
import type { FieldErrors } from '~/utils/forms'
import { SelectField, TextAreaField, TextField } from '../form-fields'

/** The fields of a new actor: open when the preview proposes one, folded away after a match. */
function NewActorDetails({ choice, children }: { choice: string; children: ReactNode }) {
  return (
    <details className="import-new-actor" open={choice === 'new'}>
      <summary>New actor’s details</summary>
      <div className="import-new-actor__fields">
        <p className="field__hint">Used only when “Add as a new actor” is chosen above.</p>
        {children}
      </div>
    </details>
  )
}

function choiceOptions(actors: readonly ActorChoice[], none: string) {
  return [
    { value: '', label: none },
    { value: 'new', label: 'Add as a new actor' },
    ...actorOptions(actors),
  ]
}

function matchNote(choice: string, actors: readonly ActorChoice[]) {
  const matched = actors.find((a) => String(a.id) === choice)
  if (matched) return <p className="import-match import-match--found">Matched: {matched.name}</p>
  if (choice === 'new')
    return <p className="import-match import-match--new">No match in the tracker: a new actor</p>
  return null
}

export function PartyFields({
  role,
  values,
  actors,
  errors,
}: {
  role: 'issuer' | 'target'
  values: ImportValues
  actors: readonly ActorChoice[]
  errors?: FieldErrors
}) {
  const label = role === 'issuer' ? 'Issued by' : 'Addressed to'
  return (
    <div className="import-item">
      <SelectField
        name={role}
        label={label}
        options={choiceOptions(actors, role === 'issuer' ? 'Not recorded' : 'Nobody in particular')}
        errors={errors}
        defaultValue={values[role]}
      />
      {matchNote(values[role], actors)}
      <NewActorDetails choice={values[role]}>
        <div className="field-row">
          <TextField
            name={`${role}Name`}
            label={role === 'issuer' ? 'Issuer’s name' : 'Addressee’s name'}
            errors={errors}
            defaultValue={values[`${role}Name`]}
            maxLength={300}
          />
          <SelectField
            name={`${role}Kind`}
            label="Kind"
            options={ACTOR_KINDS}
            errors={errors}
            defaultValue={values[`${role}Kind`] || 'organisation'}
          />
        </div>
      </NewActorDetails>
    </div>
  )
}

export function QuoteFields({
  values,
  actors,
  errors,
}: {
  values: ImportValues
  actors: readonly ActorChoice[]
  errors?: FieldErrors
}) {
  if (values.quotes.length === 0) return <p className="empty-state">No quotes were found.</p>
  return (
    <>
      {values.quotes.map((quote, i) => {
        const name = (key: string) => fieldName('quote', i, key)
        return (
          <fieldset key={i} className="import-item">
            <legend>Quote {i + 1}</legend>
            <TextAreaField
              name={name('speakerLabel')}
              label="Attribution as written"
              rows={2}
              errors={errors}
              defaultValue={quote.speakerLabel}
              maxLength={1000}
            />
            <SelectField
              name={name('actor')}
              label="Speaker"
              options={choiceOptions(actors, 'Not an actor (keep the attribution only)')}
              errors={errors}
              defaultValue={quote.actor}
            />
            {matchNote(quote.actor, actors)}
            <NewActorDetails choice={quote.actor}>
              <div className="field-row">
                <TextField
                  name={name('name')}
                  label="Speaker’s name"
                  errors={errors}
                  defaultValue={quote.name}
                  maxLength={300}
                />
                <SelectField
                  name={name('kind')}
                  label="Kind"
                  options={ACTOR_KINDS}
                  errors={errors}
                  defaultValue={quote.kind || 'person'}
                />
                <TextField
                  name={name('politicalGroup')}
                  label="Political group"
                  errors={errors}
                  defaultValue={quote.politicalGroup}
                  maxLength={200}
                />
              </div>
              <TextAreaField
                name={name('roles')}
                label="Roles (one a line)"
                rows={2}
                errors={errors}
                defaultValue={quote.roles}
              />
            </NewActorDetails>
            <TextAreaField
              name={name('body')}
              label="Words quoted"
              rows={5}
              errors={errors}
              defaultValue={quote.body}
              maxLength={50_000}
            />
          </fieldset>
        )
      })}
    </>
  )
}

export function ContactFields({
  values,
  actors,
  errors,
}: {
  values: ImportValues
  actors: readonly ActorChoice[]
  errors?: FieldErrors
}) {
  if (values.contacts.length === 0) return <p className="empty-state">No press contacts found.</p>
  return (
    <>
      {values.contacts.map((contact, i) => {
        const name = (key: string) => fieldName('contact', i, key)
        return (
          <fieldset key={i} className="import-item">
            <legend>Press contact {i + 1}</legend>
            <SelectField
              name={name('actor')}
              label="Actor"
              options={choiceOptions(actors, 'Do not record')}
              errors={errors}
              defaultValue={contact.actor}
            />
            {matchNote(contact.actor, actors)}
            <NewActorDetails choice={contact.actor}>
              <div className="field-row">
                <TextField
                  name={name('name')}
                  label="Contact’s name"
                  errors={errors}
                  defaultValue={contact.name}
                  maxLength={300}
                />
                <TextField
                  name={name('office')}
                  label="Office"
                  errors={errors}
                  defaultValue={contact.office}
                  maxLength={300}
                />
              </div>
              <div className="field-row">
                <TextField
                  name={name('email')}
                  label="Email"
                  type="email"
                  errors={errors}
                  defaultValue={contact.email}
                  maxLength={320}
                />
                <TextField
                  name={name('phone')}
                  label="Phone"
                  errors={errors}
                  defaultValue={contact.phone}
                  maxLength={50}
                />
              </div>
            </NewActorDetails>
          </fieldset>
        )
      })}
    </>
  )
}
