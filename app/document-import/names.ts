// Comparing names as people write them: "Malin Bjork" is "Malin Björk", "O’Brien" is "O'Brien",
// "Идрис Арсамиков" is compared in its own script.

const LETTERS_NFD_KEEPS: Record<string, string> = {
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
}

/**
 * A name folded for comparison: NFD without combining marks (é -> e, й -> и), the few letters NFD
 * keeps (ø, ł, ß, æ, œ …) spelled out, lower case, every apostrophe as ', every dash as -, runs of
 * whitespace as one space, trimmed.
 */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øđðłßæœıþ]/g, (c) => LETTERS_NFD_KEEPS[c] ?? c)
    .replace(/[’‘ʼ`´′]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

const TITLES = new Set(['mep', 'dr', 'prof', 'mr', 'mrs', 'ms', 'mme', 'mlle', 'sir', 'dame'])

/** The words of a name, without punctuation, bracketed asides ("(Left)") or titles ("MEP", "Dr"). */
function nameWords(name: string): string[] {
  return foldName(name.replace(/\([^)]*\)/g, ' '))
    .split(/[\s.,;:'"-]+/)
    .filter((word) => word !== '' && !TITLES.has(word))
}

/**
 * How close two names are, 0 (no match) to 5 (the same but for spacing); 4: the same once folded;
 * 3: the same words once titles
 * and punctuation are dropped; 2: the same words in another order ("Björk Malin"); 1: the same first
 * and last words, one name having extra middle names ("Fabio Castaldo" / "Fabio Massimo Castaldo").
 */
function nameCloseness(a: string, b: string): number {
  if (foldName(a) === '') return 0
  const spaced = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (spaced(a) === spaced(b)) return 5
  if (foldName(a) === foldName(b)) return 4
  const [wa, wb] = [nameWords(a), nameWords(b)]
  if (wa.length === 0 || wb.length === 0) return 0
  if (wa.join(' ') === wb.join(' ')) return 3
  if ([...wa].sort().join(' ') === [...wb].sort().join(' ')) return 2
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa]
  if (short.length >= 2 && short[0] === long[0] && short.at(-1) === long.at(-1)) {
    if (short.every((word) => long.includes(word))) return 1
  }
  return 0
}

/**
 * The id of the actor whose name best matches `name`, or null when none does or when two different
 * actors match equally well (the user then picks; we never guess between two people).
 */
export function matchActor<Id>(
  name: string,
  actors: readonly { id: Id; name: string }[],
): Id | null {
  let bestScore = 0
  let bestIds: Id[] = []
  for (const actor of actors) {
    const score = nameCloseness(name, actor.name)
    if (score === 0 || score < bestScore) continue
    if (score > bestScore) [bestScore, bestIds] = [score, []]
    if (!bestIds.includes(actor.id)) bestIds.push(actor.id)
  }
  return bestIds.length === 1 ? bestIds[0]! : null
}

export type CaseNames<Id> = {
  id: Id
  fullName: string
  aliases: readonly string[]
  displayName?: string | null
}

const PARTICLES = new Set(['bin', 'ibn', 'van', 'von', 'der', 'den', 'del', 'des', 'abu', 'ben'])

/** Where `needle` occurs in `haystack` as whole words (both already folded); -1 if nowhere. */
function indexOfWords(haystack: string, needle: string): number {
  if (needle === '') return -1
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    const before = haystack.slice(0, i).at(-1) ?? ' '
    const after = haystack[i + needle.length] ?? ' '
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return i
  }
  return -1
}

function firstIndex(haystack: string, needles: readonly string[]): number {
  const found = needles.map((n) => indexOfWords(haystack, n)).filter((i) => i !== -1)
  return found.length === 0 ? -1 : Math.min(...found)
}

/** The full forms a case is known by (folded), and the short ones: first and last words. */
function namesOf(c: CaseNames<unknown>): { full: string[]; short: string[] } {
  const full = new Set<string>()
  const short = new Set<string>()
  const forms = [c.fullName, ...c.aliases, c.displayName ?? '']
    .map(foldName)
    .filter((name) => name !== '')
  for (const name of forms) {
    const words = name.split(' ')
    if (words.length === 1 && name !== foldName(c.fullName)) {
      short.add(name) // a one-word alias or pseudonym ("Idris") is as ambiguous as a surname
      continue
    }
    full.add(name)
    if (words.length >= 2) {
      const [first, last] = [words[0]!, words.at(-1)!]
      full.add(`${last} ${words.slice(0, -1).join(' ')}`) // "Arsamikov Idris", as lists write it
      full.add(`${last}, ${words.slice(0, -1).join(' ')}`)
      for (const word of [first, last]) {
        if (word.length >= 3 && !PARTICLES.has(word)) short.add(word)
      }
    }
  }
  return { full: [...full], short: [...short] }
}

/**
 * The ids of the cases `text` mentions, in order of first mention. Comparison folds case,
 * diacritics and apostrophes (see foldName) and works in any script; names match as whole words.
 *
 * A case is mentioned when its full name or an alias of two words or more appears, in either order
 * ("Idris Arsamikov", "Arsamikov Idris", "Идрис Арсамиков"). A first name, surname or one-word alias
 * alone ("Idris", "Arsamikov") counts only when a full name of that case appears in `context` —
 * by default `text` itself; pass the whole release as `context` to find which paragraph mentions
 * whom. A surname alone never picks out a case, since many people share one.
 */
export function findMentionedCases<Id>(
  text: string,
  cases: readonly CaseNames<Id>[],
  options: { context?: string } = {},
): Id[] {
  const haystack = foldName(text)
  const context = options.context === undefined ? haystack : foldName(options.context)
  const mentions: { id: Id; index: number }[] = []
  for (const c of cases) {
    const { full, short } = namesOf(c)
    const fullIndex = firstIndex(haystack, full)
    const named = fullIndex !== -1 || firstIndex(context, full) !== -1
    const shortIndex = named ? firstIndex(haystack, short) : -1
    const indexes = [fullIndex, shortIndex].filter((i) => i !== -1)
    if (indexes.length > 0) mentions.push({ id: c.id, index: Math.min(...indexes) })
  }
  return mentions.sort((a, b) => a.index - b.index).map((m) => m.id)
}
