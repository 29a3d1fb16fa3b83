// Small text helpers for statements: sentences, counting words and characters, and the checks that
// keep sensitive or identifying words out of public text. Pure.

/** Splits recorded text into sentences: after . ! ? (and a closing quote) before a capital. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?][”’"')»]?)\s+(?=[\p{Lu}“‘"'«(\d])/u)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Ends a sentence with a full stop when it has no closing punctuation. */
export function endSentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?…][”’"')»]?$/.test(trimmed) ? trimmed : `${trimmed}.`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Words the European Parliament would count: whitespace-separated tokens holding a letter or digit. */
export function countWords(text: string): number {
  return text
    .replace(/\[\d+\]/g, ' ')
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length
}

/** Characters as people and platforms count them: Unicode code points, not UTF-16 units. */
export function countCharacters(text: string): number {
  return [...text].length
}

/** "A", "A and B", "A, B and C" with the language's conjunction. */
export function joinList(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`
}

/** Words that already say a sentence is reported, so it needs no second "reportedly". */
const HEDGE_START =
  /^(according to|reportedly|allegedly|it is (reported|alleged)|selon|d['’]après)\b/i

export function startsWithHedge(sentence: string): boolean {
  return HEDGE_START.test(sentence.trim())
}

/** Attribution anywhere in a sentence ("… say he was …", "reportedly"). */
export function isAttributed(sentence: string): boolean {
  return /\b(according to|reportedly|allegedly|say|says|said|claim|claims|claimed|report|reports|reported)\b/i.test(
    sentence,
  )
}

/**
 * Terms that would reveal a sexual orientation or gender identity. A description sentence holding
 * one is left out of a public statement unless the case's consent is `given` (DESIGN.md, sensitive
 * fields): the grounds field is sensitive, and so is the same fact written in a description.
 */
const SENSITIVE_TERMS =
  /\b(gay|gays|lesbian|lesbians|bisexual|homosexual\w*|lgbt\w*|queer|sexual orientation|sexuality|transgender|trans|gender identity|non-binary|intersex)\b/i

export function mentionsSensitiveTerm(text: string): boolean {
  return SENSITIVE_TERMS.test(text)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The words of a person's names that would identify them (three letters or more). */
export function nameTokens(names: readonly string[]): string[] {
  const tokens = names.flatMap((name) => name.split(/[\s\-‐–.,’']+/u))
  return [...new Set(tokens.filter((t) => [...t].length >= 3))]
}

/** Replaces whole names by the pseudonym, longest first. */
export function replaceNames(text: string, names: readonly string[], pseudonym: string): string {
  let result = text
  for (const name of [...names].filter(Boolean).sort((a, b) => b.length - a.length)) {
    result = result.replace(
      new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'giu'),
      pseudonym,
    )
  }
  return result
}

export function mentionsAnyToken(text: string, tokens: readonly string[]): boolean {
  return tokens.some((token) =>
    new RegExp(`(?<![\\p{L}])${escapeRegExp(token)}(?![\\p{L}])`, 'iu').test(text),
  )
}

/** Drops sentences, lowest priority first and later before earlier, until `fits` says yes. */
export function shortenToFit<T extends { priority?: number }>(
  items: readonly T[],
  fits: (kept: readonly T[]) => boolean,
): { kept: T[]; dropped: T[] } | null {
  let kept = [...items]
  const dropped: T[] = []
  while (!fits(kept)) {
    let worst = -1
    kept.forEach((item, index) => {
      const p = item.priority ?? 0
      if (p > 0 && (worst === -1 || p >= (kept[worst]!.priority ?? 0))) worst = index
    })
    if (worst === -1) return null
    dropped.push(kept[worst]!)
    kept = kept.filter((_, index) => index !== worst)
  }
  return { kept, dropped }
}
