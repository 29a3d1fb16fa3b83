// The generator's choices: a GET form, so the URL holds them and the preview works without
// JavaScript. Template, language, issuer, target, the MEPs to quote (each with a quote), press
// contacts, place and date, and the options of the written question and the post. The issuer, the
// target and the MEPs are found in search boxes, never picked from a list of every actor: the page
// carries only the actors its choices and defaults name.
import { SelectField, TextField } from '~/components/form-fields'
import type { FieldErrors } from '~/utils/forms'
import type { ChoiceValues } from '~/statements/url-choices'
import { LANGUAGE_OPTIONS, MAX_QUOTE_LENGTH } from '~/statements/form-options'
import { TEMPLATE_LABELS } from '~/statements/types'
import { QuoteSpeakerSearch } from './quote-speaker-search'
import { SearchCombobox, type ComboboxOption } from './search-combobox'

/** An actor the choices or defaults name; `label` is the text its search box shows once chosen. */
export type ActorOption = { id: string; name: string; kind: string; label: string }

type Searched = 'issuer' | 'target' | 'mep' | 'contact'
/** Words sent without JavaScript that did not name one actor, and what they found. */
export type ActorSearches = {
  typed: Partial<Record<Searched, string>>
  found: Partial<Record<Searched, ComboboxOption[]>>
}

export function ChoicesForm({
  values,
  errors,
  actors,
  searches,
  endpoint,
  query,
}: {
  values: ChoiceValues
  errors: FieldErrors | undefined
  actors: ActorOption[]
  searches: ActorSearches
  /** The actor search the boxes ask as the user types (`?for=mep|party&q=`). */
  endpoint: string
  /** The choices as a query string, for the links that pick a match without JavaScript. */
  query: string
}) {
  const byId = new Map(actors.map((a) => [a.id, a]))
  // The MEPs chosen come first, in the order they speak; the form sends them in that order.
  const chosenMeps = values.meps.flatMap((id) => {
    const actor = byId.get(id)
    return actor && actor.kind === 'mep' ? [actor] : []
  })
  // Sponsors and MEPs quoted before that are not chosen: offered as boxes to tick.
  const suggestedMeps = actors.filter((a) => a.kind === 'mep' && !values.meps.includes(a.id))
  const contacts = actors.filter((a) => a.kind === 'press_contact')
  const pick = (param: 'issuer' | 'target', label: string) => {
    const chosen = byId.get(values[param])
    const typed = searches.typed[param]
    const found = searches.found[param]
    const error = errors?.[param]?.[0]
    const hrefFor = (id: number) => {
      const params = new URLSearchParams(query)
      params.set(param, String(id))
      return `?${params}`
    }
    return (
      <div className="field">
        <SearchCombobox
          id={`choice-${param}`}
          label={label}
          name={param}
          textName={`${param}Q`}
          endpoint={`${endpoint}?for=party`}
          selectedId={chosen ? Number(chosen.id) : undefined}
          text={typed ?? chosen?.label ?? ''}
          placeholder="Type part of a name, or leave empty for none"
          hint="Type part of a name; choose from the matches with the arrow keys and Enter. Leave empty for none."
          matches={found?.map((m) => ({ ...m, href: hrefFor(m.id) }))}
        />
        {error ? <p className="field__error">{error}</p> : null}
      </div>
    )
  }
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
        options={[...LANGUAGE_OPTIONS]}
      />
      {pick('issuer', 'Issuer')}
      {pick('target', 'Target (addressee of the call)')}
      <fieldset
        className="field statement-choices__meps"
        aria-describedby={errors?.mep ? 'mep-error' : undefined}
      >
        <legend>MEPs to quote</legend>
        <p className="field__hint">
          Their names, groups and roles come from their actor records; a quote is prefilled from
          earlier documents of this case. The first MEP speaks in an MEP statement.
        </p>
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
        {suggestedMeps.length > 0 ? (
          // Only the MEPs chosen carry a quote box: a newly ticked MEP gets its box (prefilled)
          // with the next preview.
          <div className="statement-choices__more">
            <p className="field__hint">Sponsors of the case and MEPs quoted before:</p>
            {suggestedMeps.map((mep) => (
              <label key={mep.id} className="checkbox">
                <input type="checkbox" name="mep" value={mep.id} /> {mep.name}
              </label>
            ))}
          </div>
        ) : null}
        <QuoteSpeakerSearch
          id="choice-mep"
          name="mep"
          label="Add an MEP to quote"
          noun="MEP"
          endpoint={`${endpoint}?for=mep`}
          text={searches.typed.mep ?? ''}
          matches={searches.found.mep}
          chosenIds={values.meps}
        />
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
        <QuoteSpeakerSearch
          id="choice-contact"
          name="contact"
          label="Add a press contact"
          noun="press contact"
          endpoint={`${endpoint}?for=contact`}
          text={searches.typed.contact ?? ''}
          matches={searches.found.contact}
          chosenIds={contacts.map((c) => c.id)}
        />
        {errors?.contact ? <p className="field__error">{errors.contact[0]}</p> : null}
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
