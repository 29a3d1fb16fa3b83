// Who is quoted: speaker lines ("Malin Bjork MEP (Left), Vice-President of …, comments:") and
// attributions inside a paragraph ("“…,” said Jane Doe MEP (Renew).").
import type { Speaker } from './types'

const VERBS = [
  'comments|commented|concludes|concluded|said|says|added|adds|stated|states|declared|',
  'declares|explains|explained|notes|noted|warns|warned|urges|urged|stresses|stressed|',
  'emphasises|emphasised|emphasizes|emphasized|underlines|underlined|insists|insisted|',
  'remarks|remarked|continues|continued|affirms|affirmed|highlights|highlighted|points out|',
  'pointed out|reacts|reacted|responds|responded|recalls|recalled|déclare|a déclaré|ajoute|',
  'a ajouté|conclut|a conclu|commente|a commenté|souligne|a souligné|estime|a estimé|',
  'explique|a expliqué|affirme|a affirmé|insiste|a insisté|rappelle|a rappelé|réagit|',
  'a réagi|poursuit|dit|a dit',
].join('')
const VERB = String.raw`(?:(?:has|had|also|then)\s+){0,2}(?:${VERBS})(?:\s+(?:today|also|further))?`
const OPEN = '“"«„'
const CLOSE = '”"»“'

const SPEAKER_LINE = new RegExp(String.raw`^(.+?),?\s+${VERB}\s*:\s*(.*)$`, 'iu')
const ATTRIBUTED = new RegExp(
  String.raw`^[${OPEN}](.+?)[${CLOSE}]\s*,?\s+(?:${VERB}\s+([^${OPEN}]+?)|([^${OPEN}]+?)\s+${VERB})\s*[.,]?\s*([${OPEN}].*)?$`,
  'isu',
)
// Longer lines are not attributions; the limits also keep the lazy patterns below from crawling
// over a huge unbroken paste.
const MAX_SPEAKER_LINE = 1_000
const MAX_ATTRIBUTED_PARAGRAPH = 5_000
const PRONOUN = /^(?:he|she|they|il|elle|ils|elles)$/i
const ABBREVIATIONS = /\b(?:Dr|Mr|Mrs|Ms|Prof|St|Mme|Mlle|M)\./g

const MEP_WORD =
  /\bMEPs?\b|\bMember of the European Parliament\b|\beurodéputée?\b|\bdéputée? européen(?:ne)?\b/iu
const MEP_SEGMENT =
  /^(?:(.+?)\s+)?(?:MEP|Member of the European Parliament|eurodéputée?|députée? européen(?:ne)?)(?:\s*\(([^)]+)\)|\s+(?:for|from|of)\s+(.+))?$/iu
const ROLE_NOUN =
  /^(?:(?:co|vice|deputy|executive|senior|shadow|standing|acting|former)[-\s])*(?:president|chair|chairman|chairwoman|chairperson|member|substitute|rapporteur|coordinator|director|head|spokesperson|spokesman|spokeswoman|founder|secretary|leader|treasurer|chief|officer|manager|researcher|lawyer|advocate|representative|ambassador|commissioner|minister|présidente?|vice-présidente?|membre|suppléante?|rapporteure?|coordinat(?:rice|eur)|direct(?:rice|eur)|porte-parole|fondat(?:rice|eur)|chef|responsable|secrétaire)\b/iu

/**
 * `text` cut where the sticky `separator` matches outside parentheses and, when `before` is given,
 * only where the text after the separator matches `before`.
 */
function splitTopLevel(text: string, separator: RegExp, before?: RegExp): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    if (depth > 0) continue
    separator.lastIndex = i
    const m = separator.exec(text)
    if (!m || m[0] === '' || (before && !before.test(text.slice(i + m[0].length)))) continue
    parts.push(text.slice(start, i))
    start = i + m[0].length
    i = start - 1
  }
  parts.push(text.slice(start))
  return parts.map(tidy).filter((part) => part !== '')
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[\s,;:]+|[\s,;:]+$/g, '')
}

/**
 * Roles as a list: a comma or an "and" starts a new role only before a word naming one, so
 * "Member of the Committee on Civil Liberties, Justice and Home Affairs" stays whole.
 */
function rolesOf(text: string): string[] {
  return splitTopLevel(text, /\s*,\s*|\s+(?:and|et|&)\s+/iy, ROLE_NOUN)
}

/** "Malin Bjork MEP (Left), Vice-President of …" read into name, MEP, group and roles. */
export function parseSpeaker(attribution: string, rawLine: string = attribution): Speaker {
  const [head = '', ...rest] = splitTopLevel(attribution, /,/y)
  let isMep = MEP_WORD.test(head)
  let politicalGroup: string | null = null
  const asides = [...head.matchAll(/\(([^)]*)\)/g)].map((m) => tidy(m[1]!))
  const name = tidy(head.replace(/\([^)]*\)/g, ' ').replace(new RegExp(MEP_WORD, 'giu'), ' '))
  if (isMep && asides.length > 0) politicalGroup = tidy(asides.shift()!.replace(MEP_WORD, ''))
  const segments = asides.filter((aside) => aside !== '')
  for (const segment of rest) {
    const mep = isMep ? null : MEP_SEGMENT.exec(segment)
    if (mep) {
      isMep = true
      politicalGroup = tidy(mep[2] ?? mep[1] ?? mep[3] ?? '')
    } else segments.push(segment)
  }
  const roles = rolesOf(segments.join(', '))
  return { name, isMep, politicalGroup: politicalGroup || null, roles, rawLine }
}

function looksLikeAttribution(text: string): boolean {
  const plain = text.replace(ABBREVIATIONS, '')
  return text.length <= 300 && /^\p{Lu}/u.test(text) && !/[.!?]\s/.test(plain)
}

const TRAILING_MARKERS = String.raw`((?:\s*\[\d[^\]]*\])*)\s*$`

/**
 * A paragraph of a quotation without its quotation marks: the opening one, and the closing one
 * (kept out of any footnote markers after it). `closed` says whether the quotation ended here.
 */
export function unquote(text: string): { text: string; closed: boolean } {
  const opened = text.trim().replace(new RegExp(`^[${OPEN}]\\s*`), '')
  const closing = new RegExp(`\\s*[${CLOSE}]${TRAILING_MARKERS}`)
  const closed = closing.test(opened)
  return { text: opened.replace(closing, '$1').trim(), closed }
}

/**
 * A line that introduces a quote: "… MEP (Left), Vice-President of …, comments:" — nothing after
 * the colon, or a quotation that opens there ("Jane Doe, director of X, added: “…”").
 * `text` is that inline quotation (without its marks) and `closed` whether it ends on that line.
 */
export function matchSpeakerLine(
  line: string,
): { speaker: Speaker; text: string | null; closed: boolean } | null {
  if (line.length > MAX_SPEAKER_LINE) return null
  const m = SPEAKER_LINE.exec(line.trim())
  if (!m) return null
  const [attribution, after] = [tidy(m[1]!), m[2]!.trim()]
  if (!looksLikeAttribution(attribution)) return null
  if (after !== '' && !new RegExp(`^[${OPEN}]`).test(after)) return null
  const speaker = parseSpeaker(attribution, line.trim())
  if (after === '') return { speaker, text: null, closed: false }
  return { speaker, ...unquote(after) }
}

/**
 * A paragraph that is a quotation with its attribution: "“…,” said Jane Doe MEP (Renew).",
 * "“…,” Jane Doe added. “…”". `speaker` is null for "she said" (the previous speaker again).
 */
export function matchAttributedQuote(
  paragraph: string,
): { speaker: Speaker | null; text: string; closed: boolean } | null {
  if (paragraph.length > MAX_ATTRIBUTED_PARAGRAPH) return null
  const m = ATTRIBUTED.exec(paragraph.trim())
  if (!m) return null
  const who = tidy((m[2] ?? m[3] ?? '').replace(/\.$/, ''))
  const sameSpeaker = PRONOUN.test(who) || /^the\s/i.test(who)
  if (!sameSpeaker && !looksLikeAttribution(who)) return null
  const first = m[1]!.trim()
  const continuation = m[4] ? unquote(m[4]) : null
  let text = first.replace(/,$/, '')
  if (continuation) {
    const joined = /^\p{Ll}/u.test(continuation.text) ? first : first.replace(/,$/, '.')
    text = `${joined} ${continuation.text}`
  }
  const speaker = sameSpeaker ? null : parseSpeaker(who, paragraph.trim())
  return { speaker, text, closed: continuation ? continuation.closed : true }
}

/** Whether a paragraph opens with a quotation mark (for quotations spread over paragraphs). */
export function opensQuote(paragraph: string): boolean {
  return new RegExp(`^[${OPEN}]`).test(paragraph.trim())
}
