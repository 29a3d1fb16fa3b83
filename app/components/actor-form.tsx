import { Form } from '@remix-run/react'
import { ACTOR_KINDS } from '~/domain/vocabularies'
import type { Conflict } from '~/domain/conflict'
import type { FieldErrors } from '~/utils/forms'
import {
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  SaveOrCancel,
} from './form-fields'
import { ConflictNotice } from './conflict-notice'
import type { FormDefaults } from './source-form'

/** Every field of an actor. Values are what was saved, or what was typed before an error. */
export function ActorForm({
  defaults,
  errors,
  version,
  conflict,
  submitLabel,
  cancelTo,
}: {
  defaults: FormDefaults
  errors?: FieldErrors
  version?: number
  conflict?: Conflict | null
  submitLabel: string
  cancelTo: string
}) {
  const text = (name: string) =>
    typeof defaults[name] === 'string' ? (defaults[name] as string) : ''
  return (
    <Form
      method="post"
      className="form form--wide"
      noValidate
      key={JSON.stringify([defaults, version])}
    >
      <FormErrorSummary errors={errors} />
      {conflict ? <ConflictNotice conflict={conflict} what="actor" /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {errors?.version ? <p className="field__error">{errors.version[0]}</p> : null}
      <fieldset className="form-section">
        <legend>Who</legend>
        <div className="field-row">
          <TextField
            name="name"
            label="Name"
            required
            errors={errors}
            defaultValue={text('name')}
            maxLength={300}
          />
          <SelectField
            name="kind"
            label="Kind"
            required
            options={ACTOR_KINDS}
            errors={errors}
            defaultValue={text('kind') || 'mep'}
          />
        </div>
        <div className="field-row">
          <TextField
            name="organisation"
            label="Organisation"
            hint="E.g. European Parliament, a ministry, an NGO."
            errors={errors}
            defaultValue={text('organisation')}
            maxLength={300}
          />
          <TextField
            name="country"
            label="Country"
            errors={errors}
            defaultValue={text('country')}
            maxLength={100}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Group, roles and committees</legend>
        <TextField
          name="politicalGroup"
          label="Political group"
          hint="For MEPs, e.g. The Left, Renew Europe."
          errors={errors}
          defaultValue={text('politicalGroup')}
          maxLength={200}
        />
        <div className="field-row">
          <TextAreaField
            name="roles"
            label="Roles"
            hint="One per line, e.g. Vice-President of the LGBTI Intergroup."
            rows={3}
            errors={errors}
            defaultValue={text('roles')}
          />
          <TextAreaField
            name="committees"
            label="Committees"
            hint="One per line, e.g. AFET."
            rows={3}
            errors={errors}
            defaultValue={text('committees')}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Contact</legend>
        <TextField
          name="office"
          label="Office"
          hint="Postal or office address."
          errors={errors}
          defaultValue={text('office')}
          maxLength={300}
        />
        <div className="field-row">
          <TextField
            name="email"
            label="Email"
            type="email"
            errors={errors}
            defaultValue={text('email')}
            maxLength={320}
          />
          <TextField
            name="phone"
            label="Phone"
            type="tel"
            errors={errors}
            defaultValue={text('phone')}
            maxLength={50}
          />
        </div>
        <TextAreaField
          name="notes"
          label="Notes"
          rows={3}
          errors={errors}
          defaultValue={text('notes')}
          maxLength={10000}
        />
      </fieldset>
      <SaveOrCancel submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  )
}
