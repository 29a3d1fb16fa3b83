// The "Sources" part of the event and action forms: the sources picked, a library search that submits
// the form with intent "find-sources" (so it works without JavaScript and loses nothing typed), and a
// new source added inline (a URL already in the library is reused).
import { formatPartialDate } from '~/domain/dates'
import type { DatePrecision } from '~/domain/vocabularies'
import type { FieldErrors } from '~/utils/forms'
import { TextField } from './form-fields'

export type SourceOption = {
  id: number
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: DatePrecision | null
  url: string | null
}

function SourceCheckbox({ source, checked }: { source: SourceOption; checked: boolean }) {
  return (
    <label className="source-option">
      <input type="checkbox" name="sourceIds" value={source.id} defaultChecked={checked} />
      <span>
        <strong>{source.publisher ?? 'Unknown publisher'}</strong>, “{source.title}”
        {source.publishedOn && source.publishedPrecision
          ? `, ${formatPartialDate({ date: source.publishedOn, precision: source.publishedPrecision })}`
          : null}
        {source.url ? <span className="muted source-option__url"> {source.url}</span> : null}
      </span>
    </label>
  )
}

export function SourcesFieldset({
  selectedSources,
  foundSources,
  sourceQuery,
  errors,
  text,
}: {
  selectedSources: SourceOption[]
  foundSources?: SourceOption[] | null
  sourceQuery?: string
  errors?: FieldErrors
  /** What the form holds for a field: saved, or typed before an error. */
  text: (name: string) => string
}) {
  const selectedIds = new Set(selectedSources.map((s) => s.id))
  return (
    <fieldset
      className="form-section"
      aria-describedby={errors?.sourceIds ? 'sourceIds-error' : undefined}
    >
      <legend>Sources</legend>
      {errors?.sourceIds ? (
        <p id="sourceIds-error" className="field__error">
          {errors.sourceIds[0]}
        </p>
      ) : null}
      {selectedSources.length > 0 ? (
        <div className="source-options" role="group" aria-label="Cited sources">
          {selectedSources.map((source) => (
            <SourceCheckbox key={source.id} source={source} checked />
          ))}
        </div>
      ) : (
        <p className="muted">No source picked yet.</p>
      )}
      <div className="source-search">
        <div className="field">
          <label htmlFor="sourceQuery">Find a source in the library</label>
          <input
            id="sourceQuery"
            name="sourceQuery"
            type="search"
            defaultValue={sourceQuery ?? ''}
            placeholder="Title, publisher or URL"
          />
        </div>
        <button type="submit" name="intent" value="find-sources" className="button">
          Find sources
        </button>
      </div>
      {foundSources ? (
        foundSources.length === 0 ? (
          <p className="muted">No source matches “{sourceQuery}”. Add it below.</p>
        ) : (
          <div className="source-options" role="group" aria-label="Sources found">
            {foundSources
              .filter((s) => !selectedIds.has(s.id))
              .map((source) => (
                <SourceCheckbox key={source.id} source={source} checked={false} />
              ))}
          </div>
        )
      ) : null}
      <details
        className="new-source"
        open={Boolean(
          text('newSourceTitle') ||
          text('newSourceUrl') ||
          errors?.newSourceTitle ||
          errors?.newSourceUrl ||
          errors?.newSourceDate,
        )}
      >
        <summary>Add a new source</summary>
        <p className="field__hint">A URL already in the library is reused, not duplicated.</p>
        <TextField
          name="newSourceTitle"
          label="Source title"
          errors={errors}
          defaultValue={text('newSourceTitle')}
          maxLength={1000}
        />
        <div className="field-row">
          <TextField
            name="newSourcePublisher"
            label="Publisher"
            errors={errors}
            defaultValue={text('newSourcePublisher')}
            maxLength={300}
          />
          <TextField
            name="newSourceDate"
            label="Published on"
            hint="YYYY-MM-DD"
            errors={errors}
            defaultValue={text('newSourceDate')}
          />
        </div>
        <TextField
          name="newSourceUrl"
          label="URL"
          type="url"
          errors={errors}
          defaultValue={text('newSourceUrl')}
        />
      </details>
    </fieldset>
  )
}
