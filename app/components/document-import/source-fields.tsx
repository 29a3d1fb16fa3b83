// The footnotes of an import preview: each becomes a source of the library (the same one reused
// when it is already there) and the markers that cite it become citations.
import { fieldName, type ImportValues } from '~/document-import/values'
import type { FieldErrors } from '~/utils/forms'
import { TextField, SelectField } from '../form-fields'

type SourceChoice = { id: number; title: string; publisher: string | null; url: string | null }

export function FootnoteFields({
  values,
  sources,
  errors,
}: {
  values: ImportValues
  sources: readonly SourceChoice[]
  errors?: FieldErrors
}) {
  if (values.footnotes.length === 0) return <p className="empty-state">No footnotes were found.</p>
  return (
    <>
      {values.footnotes.map((footnote, i) => {
        const name = (key: string) => fieldName('footnote', i, key)
        const match = sources.find((s) => String(s.id) === footnote.matchId)
        const options = [
          ...(match
            ? [{ value: String(match.id), label: `Already in the library: ${match.title}` }]
            : []),
          { value: 'new', label: 'Add as a new source' },
        ]
        return (
          <fieldset key={i} className="import-item">
            <legend>Footnote [{footnote.number}]</legend>
            <input type="hidden" name={name('matchId')} value={footnote.matchId} />
            <input type="hidden" name={name('urlMissing')} value={footnote.urlMissing} />
            <div className="field-row">
              <TextField
                name={name('number')}
                label="Marker in the text"
                errors={errors}
                defaultValue={footnote.number}
                maxLength={3}
              />
              <SelectField
                name={name('source')}
                label="Source"
                options={options}
                errors={errors}
                defaultValue={footnote.source}
              />
            </div>
            {match ? (
              <p className="import-match import-match--found">
                Matched {match.url ? 'by its address' : 'by its title and publisher'}: the library’s
                source is reused; the fields below are used only for a new source.
              </p>
            ) : null}
            <TextField
              name={name('title')}
              label="Source title"
              errors={errors}
              defaultValue={footnote.title}
              maxLength={1000}
            />
            <div className="field-row">
              <TextField
                name={name('publisher')}
                label="Publisher"
                errors={errors}
                defaultValue={footnote.publisher}
                maxLength={300}
              />
              <TextField
                name={name('date')}
                label="Published on"
                errors={errors}
                defaultValue={footnote.date}
                maxLength={10}
                placeholder="YYYY-MM-DD, YYYY-MM or YYYY"
              />
            </div>
            <TextField
              name={name('url')}
              label="Web address"
              type="url"
              errors={errors}
              defaultValue={footnote.url}
              hint={
                footnote.urlMissing === 'true' && !footnote.url ? (
                  <>
                    <span className="badge badge--warn">URL missing</span> The release announced a
                    link here but none followed: add the address if you have it.
                  </>
                ) : undefined
              }
            />
          </fieldset>
        )
      })}
    </>
  )
}
