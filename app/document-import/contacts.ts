// Press contacts at the foot of a release: "Office of Malin Björk – Charlotta Narvehed (email)".
import type { PressContact } from './types'

const HEADING =
  /^(?:(?:press|media)\s+contacts?|contacts?(?:\s+(?:presse|médias?|pour la presse))?|for (?:more|further) information(?:,?\s+(?:please\s+)?contact)?|for media enquiries)\s*(?::\s*(.*))?$/iu

/** The rest of the line when `line` is a press-contacts heading ("Press contacts:"), else null. */
export function matchContactsHeading(line: string): string | null {
  const m = HEADING.exec(line.trim())
  if (!m) return null
  // "Contact" needs its colon: a line reading just "Contact" is more likely a stray word.
  if (/^contacts?$/i.test(line.trim())) return null
  return (m[1] ?? '').trim()
}

const EMAIL = /(?:mailto:)?([\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/u
const PHONE = /(?:\+|00)\d[\d\s()./-]{6,}\d|(?<![\p{L}\d])0\d[\d\s./-]{6,}\d/u
const LABELS = /\b(?:tel|tél|phone|mobile|mob|gsm|fax|e-?mail|mail|courriel|[tme])\s*\.?\s*:/giu
const OFFICE_WORDS =
  /\b(?:office|cabinet|bureau|press|service|secretariat|secrétariat|intergroup|group|groupe|parliament|parlement|committee|commission|association|network|foundation|international|watch|team|équipe|department|unit)\b/iu
const PERSON_NAME =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|van|von|de|der|den|da|di|del|la|le|du)){1,4}$/u

function tidy(text: string): string {
  return text
    .replace(/\([\s,;:/]*\)/g, ' ')
    .replace(/\s*\(\s*$/, '') // a line cut off just after "(", as in the fixture
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:|–—-]+|[\s,;:|–—-]+$/g, '')
}

function looksLikePerson(text: string): boolean {
  return PERSON_NAME.test(text) && !OFFICE_WORDS.test(text)
}

/**
 * One contact line. Around a dash the side that looks like a person's name is the name and the
 * other the office; when both or neither do, the left is the office ("Office of X – Name").
 */
export function parseContactLine(line: string): PressContact {
  const raw = line.trim()
  const email = EMAIL.exec(raw)?.[1] ?? null
  const phoneMatch = PHONE.exec(raw.replace(EMAIL, ' '))
  const phone =
    phoneMatch && phoneMatch[0].replace(/\D/g, '').length >= 8 ? phoneMatch[0].trim() : null
  let rest = raw.replace(EMAIL, ' ').replace(LABELS, ' ')
  if (phone) rest = rest.replace(phone, ' ')
  rest = tidy(rest)

  let office: string | null = null
  let name: string | null = null
  const dash = /\s*[–—|]\s*|\s+-\s+/u.exec(rest)
  if (dash) {
    const [left, right] = [
      tidy(rest.slice(0, dash.index)),
      tidy(rest.slice(dash.index + dash[0].length)),
    ]
    const swap = looksLikePerson(left) && !looksLikePerson(right)
    ;[office, name] = swap ? [right, left] : [left, right]
  } else {
    const [first = '', ...others] = rest.split(/\s*,\s*/).map(tidy)
    if (looksLikePerson(first)) [name, office] = [first, others.join(', ')]
    else office = rest
  }
  return { office: office || null, name: name || null, email, phone, raw }
}

/** Whether `line` holds only an email address or a phone number (and labels): it adds to the last contact. */
function isDetailsOnly(contact: PressContact): boolean {
  return (
    contact.office === null &&
    contact.name === null &&
    (contact.email !== null || contact.phone !== null)
  )
}

/** The contacts listed under the heading, one per line; a line of only an email or phone completes the one above. */
export function parseContacts(lines: readonly string[]): PressContact[] {
  const contacts: PressContact[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    const contact = parseContactLine(line)
    const previous = contacts.at(-1)
    if (previous && isDetailsOnly(contact)) {
      previous.email ??= contact.email
      previous.phone ??= contact.phone
      previous.raw += `\n${contact.raw}`
    } else if (contact.office !== null || contact.name !== null || contact.email !== null) {
      contacts.push(contact)
    }
  }
  return contacts
}
