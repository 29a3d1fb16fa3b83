import { Form, Link, useNavigation } from '@remix-run/react'
import { actorOptions, type ActorChoice } from './document-form'
import type { Conflict } from '~/domain/conflict'
import { ConflictNotice } from './conflict-notice'
import type { FieldErrors } from '~/utils/forms'
import { FormErrorSummary, SelectField, TextAreaField, TextField } from './form-fields'

/** Adding or editing a quote: who said it, how the release introduces them, and the words. */
export function DocumentQuoteForm({
  defaults,
  errors,
  actors,
  version,
  conflict,
  submitLabel,
  cancelTo,
  canDelete = false,
}: {
  defaults: Record<string, string | string[] | undefined>
  errors?: FieldErrors
  actors: readonly ActorChoice[]
  version: number
  conflict?: Conflict | null
  submitLabel: string
  cancelTo: string
  canDelete?: boolean
}) {
  const busy = useNavigation().state !== 'idle'
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
      {conflict ? <ConflictNotice conflict={conflict} what="document" /> : null}
      <input type="hidden" name="version" value={version} />
      {errors?.version ? <p className="field__error">{errors.version[0]}</p> : null}
      <SelectField
        name="actorId"
        label="Speaker"
        options={actorOptions(actors)}
        emptyLabel="Not in the actor list"
        errors={errors}
        defaultValue={text('actorId')}
        hint="Add a missing person on the Actors page first, or write the attribution below."
      />
      <TextField
        name="speakerLabel"
        label="Attribution as written"
        errors={errors}
        defaultValue={text('speakerLabel')}
        maxLength={1000}
        placeholder="Malin Björk MEP (Left), Vice-President of the LGBTI Intergroup, comments:"
      />
      <TextAreaField
        name="body"
        label="Words quoted"
        required
        rows={10}
        errors={errors}
        defaultValue={text('body')}
        maxLength={50_000}
        hint="Markdown; at most 50,000 characters. [1] is the first source cited for this quote."
      />
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value="save"
          className="button button--primary"
          disabled={busy}
        >
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
        {canDelete ? (
          <button
            type="submit"
            name="intent"
            value="delete"
            className="button button--danger document-quote__delete"
            disabled={busy}
          >
            Delete this quote
          </button>
        ) : null}
      </div>
    </Form>
  )
}
