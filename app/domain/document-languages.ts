// Document languages for the forms and pages, apart from the document schemas so that the browser
// gets them without zod.
/** Common document languages, offered in a select; any ISO 639 code of 2–3 letters is accepted. */
export const DOCUMENT_LANGUAGES: { value: string; label: string }[] = [
  ['en', 'English'],
  ['fr', 'French'],
  ['de', 'German'],
  ['es', 'Spanish'],
  ['it', 'Italian'],
  ['nl', 'Dutch'],
  ['pl', 'Polish'],
  ['pt', 'Portuguese'],
  ['sv', 'Swedish'],
  ['ru', 'Russian'],
  ['uk', 'Ukrainian'],
  ['be', 'Belarusian'],
  ['ka', 'Georgian'],
  ['az', 'Azerbaijani'],
  ['tr', 'Turkish'],
  ['ar', 'Arabic'],
  ['fa', 'Persian'],
  ['zh', 'Chinese'],
].map(([value, label]) => ({ value: value!, label: label! }))

export function languageLabel(code: string): string {
  return DOCUMENT_LANGUAGES.find((l) => l.value === code)?.label ?? code.toUpperCase()
}
