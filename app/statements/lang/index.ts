// The languages statements can be written in. A new language is a new pack listed here.
import { en } from './en'
import { fr } from './fr'
import type { LanguagePack } from './types'

export const LANGUAGES = { en, fr } as const satisfies Record<string, LanguagePack>
export type LanguageCode = keyof typeof LANGUAGES
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as LanguageCode[]

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value)
}

export function languagePack(code: LanguageCode): LanguagePack {
  return LANGUAGES[code]
}
