// What the statement form needs in the browser, apart from the generator: the facts module and the
// language packs (every phrase, in each language) would otherwise reach the page's client bundle.
// tests/unit/statements/form-options.test.ts checks the languages against the packs.

/** The longest quote a statement takes from an MEP's earlier words or the form. */
export const MAX_QUOTE_LENGTH = 2000

/** The languages statements can be written in, as the form offers them. */
export const LANGUAGE_OPTIONS = [
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'Français' },
] as const
