// Text helpers shared by search, slugs and name matching. Pure.

/** Lower-case, without diacritics: "Björk" -> "bjork", "Арсамиков" -> "арсамиков". */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

// Scientific-style transliteration of Cyrillic, enough for slugs to be readable ASCII.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
}
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
}

/** "Idris Arsamikov" -> "idris-arsamikov"; "Идрис Арсамиков" -> "idris-arsamikov". */
export function slugify(value: string): string {
  const ascii = [...foldText(value)].map((ch) => CYRILLIC[ch] ?? LATIN_EXTRA[ch] ?? ch).join('')
  return ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
}

/** The words a search box string holds, folded, for a prefix tsquery ("arsam" finds "arsamikov"). */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10)
}

/** `to_tsquery('simple', …)` input built only from letters and digits: nothing a user types can break it. */
export function toPrefixTsQuery(query: string): string | null {
  const terms = searchTerms(query)
  return terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null
}

/** What the full-text index of a case holds: names, aliases in any script, summary — all folded. */
export function caseSearchText(fields: {
  fullName: string
  displayName?: string | null
  aliases: readonly string[]
  summary: string
}): string {
  return foldText(
    [fields.fullName, fields.displayName, ...fields.aliases, fields.summary]
      .filter(Boolean)
      .join(' '),
  )
}
