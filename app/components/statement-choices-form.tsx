// The generator's choices: a GET form, so the URL holds them and the preview works without
// JavaScript. Template, language, issuer, target, the MEPs to quote (each with a quote), press
// contacts, place and date, and the options of the written question and the post.
import { SelectField, TextField } from '~/components/form-fields'
import { labelOf } from '~/domain/vocabularies'
import type { FieldErrors } from '~/utils/forms'
import type { ChoiceValues } from '~/statements/url-choices'
import { MAX_QUOTE_LENGTH } from '~/statements/facts'
import { LANGUAGES } from '~/statements/lang'
import { TEMPLATE_LABELS } from '~/statements/types'

export type ActorOption = { id: string; name: string; kind: string }

export function ChoicesForm({
  values,
  errors,
  actors,
}: {
  values: ChoiceValues
  errors: FieldErrors | undefined
  actors: ActorOption[]
}) {
  const options = (list: typeof actors) =>
    list.map((a) => ({ value: a.id, label: `${a.name} (${labelOf(a.kind)})` }))
  // The MEPs chosen come first, in the order they speak; the form sends them in that order.
  const chosenFirst = (list: ActorOption[], chosen: string[]) => [
    ...chosen.flatMap((id) => list.filter((a) => a.id === id)),
    ...list.filter((a) => !chosen.includes(a.id)),
  ]
  const meps = chosenFirst(
    actors.filter((a) => a.kind === 'mep'),
    values.meps,
  )
  const chosenMeps = meps.filter((a) => values.meps.includes(a.id))
  const otherMeps = meps.filter((a) => !values.meps.includes(a.id))
  const contacts = actors.filter((a) => a.kind === 'press_contact')
  return (
    <form method="get" className="form statement-choices" aria-labelledby="choices-title">
      <h2 id="choices-title">Choices</h2>
      <input type="hidden" name="chosen" value="1" />
      <SelectField
        name="template"
        label="Template"
        errors={errors}
        defaultValue={values.template}
        options={Object.entries(TEMPLATE_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <SelectField
        name="lang"
        label="Language"
        errors={errors}
        defaultValue={values.lang}
        options={Object.values(LANGUAGES).map((l) => ({ value: l.code, label: l.label }))}
      />
      <SelectField
        name="issuer"
        label="Issuer"
        errors={errors}
        defaultValue={values.issuer}
        options={options(actors.filter((a) => a.kind !== 'press_contact'))}
        emptyLabel="(none)"
      />
      <SelectField
        name="target"
        label="Target (addressee of the call)"
        errors={errors}
        defaultValue={values.target}
        options={options(actors.filter((a) => a.kind !== 'press_contact'))}
        emptyLabel="(none)"
      />
      <fieldset
        className="field statement-choices__meps"
        aria-describedby={errors?.mep ? 'mep-error' : undefined}
      >
        <legend>MEPs to quote</legend>
        <p className="field__hint">
          Their names, groups and roles come from their actor records; a quote is prefilled from
          earlier documents of this case. The first MEP speaks in an MEP statement.
        </p>
        {meps.length === 0 ? <p className="empty-state">No MEPs in the actor list.</p> : null}
        {chosenMeps.map((mep) => {
          const error = errors?.[`quote-${mep.id}`]?.[0]
          return (
            <div key={mep.id} className="statement-choices__mep">
              <label className="checkbox">
                <input type="checkbox" name="mep" value={mep.id} defaultChecked /> {mep.name}
              </label>
              <label htmlFor={`quote-${mep.id}`} className="visually-hidden">
                Quote of {mep.name}
              </label>
              <textarea
                id={`quote-${mep.id}`}
                name={`quote-${mep.id}`}
                rows={3}
                maxLength={MAX_QUOTE_LENGTH}
                placeholder={`Quote of ${mep.name}`}
                defaultValue={values.quotes[mep.id] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `quote-${mep.id}-error` : undefined}
              />
              {error ? (
                <p id={`quote-${mep.id}-error`} className="field__error">
                  {error}
                </p>
              ) : null}
            </div>
          )
        })}
        {otherMeps.length > 0 ? (
          // Only the MEPs chosen carry a quote box: the URL stays short however many MEPs
          // there are. A newly ticked MEP gets its box (prefilled) with the next preview.
          <details className="statement-choices__more" open={chosenMeps.length === 0}>
            <summary>Add MEPs ({otherMeps.length})</summary>
            {otherMeps.map((mep) => (
              <label key={mep.id} className="checkbox">
                <input type="checkbox" name="mep" value={mep.id} /> {mep.name}
              </label>
            ))}
          </details>
        ) : null}
        {errors?.mep ? (
          <p id="mep-error" className="field__error">
            {errors.mep[0]}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend>Press contacts</legend>
        {contacts.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              name="contact"
              value={c.id}
              defaultChecked={values.contacts.includes(c.id)}
            />{' '}
            {c.name}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <TextField name="place" label="Place" errors={errors} defaultValue={values.place} />
        <TextField
          name="date"
          label="Date"
          type="date"
          errors={errors}
          defaultValue={values.date}
        />
      </div>
      <SelectField
        name="addressee"
        label="Written question addressed to"
        errors={errors}
        defaultValue={values.addressee}
        options={[
          { value: 'vp_hr', label: 'The VP/HR' },
          { value: 'commission', label: 'The Commission' },
        ]}
      />
      <TextField
        name="link"
        label="Link (social media post)"
        type="url"
        errors={errors}
        defaultValue={values.link}
      />
      <button type="submit" className="button button--primary">
        Preview
      </button>
    </form>
  )
}
