// Hostile form input for the fuzzed-forms test: the values a careless or malicious user posts, the
// field names a route's form uses (read from the route and the components it renders), and a body
// encoder that can send what a browser never would (lone surrogates as the bytes WTF-8 gives them).
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type { RouteFile } from './route-walk'

const APP_DIR = path.resolve(import.meta.dirname, '..', '..', 'app')

/** Strings that have broken forms somewhere: sizes, Unicode edge cases, SQL, HTML, odd numbers. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  '   ',
  'x'.repeat(100_000),
  '\uD800',
  'lone \uDC00 low surrogate',
  '\u202Egnp.exe',
  'zero\u200Dwidth\u200Bjoiner',
  'nul\u0000inside',
  '\u0000',
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '99999999999999999999',
  '2147483648',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  ' 7 ',
  'null',
  '[]',
  '{"a":1}',
  '2023-02-30',
  '0000-00-00',
  '9999-12-31',
  '../../etc/passwd',
  '%00',
  'Идрис Арсамиков',
  '张伟',
  'ნინო',
  'محمد',
]

/** A record id the route might accept: one of the given ids (often of records hidden from the user). */
export const idLike = (ids: readonly number[]) =>
  fc.oneof(
    fc.constantFrom(...ids.map(String)),
    fc.constantFrom('99999999999999999999', '2147483647', '2147483648', '-1', '0', '1e309', 'NaN'),
    fc.integer({ min: -3, max: 3_000_000_000 }).map(String),
  )

/** One value of a field: a hostile string, any short Unicode string, an id-like string, or `valid`. */
export function fieldValue(
  ids: readonly number[],
  valid?: string,
): fc.Arbitrary<string | string[]> {
  const one = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 2, arbitrary: idLike(ids) },
    ...(valid === undefined ? [] : [{ weight: 4, arbitrary: fc.constant(valid) }]),
  )
  // Now and then the field comes several times, as a hand-made form can send it.
  return fc.oneof(
    { weight: 5, arbitrary: one },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
  )
}

const NAME_ATTRIBUTE = /\bname="([A-Za-z][\w-]*)"/g
const COMPONENT_IMPORT = /from '~\/components\/([\w-]+)'/g

function componentSource(name: string): string {
  for (const ext of ['.tsx', '.ts']) {
    const file = path.join(APP_DIR, 'components', name + ext)
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8')
  }
  return ''
}

/**
 * The field names a route's form posts: every `name="…"` in the route module and in the components
 * it imports (and theirs, one level further), so a new field is fuzzed without editing the test.
 */
export function formFieldNames(route: RouteFile): string[] {
  const names = new Set<string>()
  const seen = new Set<string>()
  const visit = (source: string, depth: number) => {
    for (const match of source.matchAll(NAME_ATTRIBUTE)) names.add(match[1]!)
    if (depth > 1) return
    for (const match of source.matchAll(COMPONENT_IMPORT)) {
      if (seen.has(match[1]!)) continue
      seen.add(match[1]!)
      visit(componentSource(match[1]!), depth + 1)
    }
  }
  visit(route.source, 0)
  return [...names].sort()
}

/** Percent-encodes a string as UTF-8, a lone surrogate as its three WTF-8 bytes (not valid UTF-8). */
function encodeLoosely(value: string): string {
  let out = ''
  for (const char of value) {
    try {
      out += encodeURIComponent(char)
    } catch {
      const unit = char.charCodeAt(0)
      const bytes = [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
      out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    }
  }
  return out
}

export type HostileForm = Record<string, string | string[]>

/** A POST of `form`, url-encoded (with raw bytes a browser would not send) or as multipart. */
export function hostilePost(
  pathname: string,
  cookie: string | null,
  form: HostileForm,
  multipart: boolean,
): Request {
  // Same-site, as a browser sends a form of this app: the guard refuses others before any route.
  const headers = new Headers({ Origin: 'http://localhost', ...(cookie ? { Cookie: cookie } : {}) })
  const entries = Object.entries(form).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => [key, v] as const),
  )
  if (multipart) {
    const body = new FormData()
    for (const [key, value] of entries) body.append(key, value)
    return new Request(`http://localhost${pathname}`, { method: 'POST', body, headers })
  }
  headers.set('Content-Type', 'application/x-www-form-urlencoded')
  const body = entries.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&')
  return new Request(`http://localhost${pathname}`, { method: 'POST', body, headers })
}
