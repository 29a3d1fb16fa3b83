// Rendering a document's Markdown body as HTML that is safe to put in the page. Raw HTML is escaped
// (`html: false`), links may only go to http(s), mailto or a relative address, images are off (the
// page's CSP would block them anyway), and every link gets rel="noopener noreferrer".
//
// Footnote markers: "[1]" in a body means the first source cited for that body (the document, or
// a quote), "[2]" the second, and so on. The page decides which footnote number each marker shows
// (numbered by first use on the page); a marker with no such citation stays plain text.
import MarkdownItFactory, { type Env as MarkdownEnv, type MarkdownIt } from 'markdown-it'

type Env = MarkdownEnv & {
  /** Markers met while parsing, in reading order. */
  markers?: number[]
  footnoteNumber?: (marker: number) => number | null | undefined
}

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])

/** True for http(s), mailto and scheme-less (relative, #anchor) addresses; false for the rest. */
export function isSafeLink(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): so do we.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)
  return scheme === null || ALLOWED_SCHEMES.has(scheme[1]!)
}

const MARKER = /^\[(\d{1,3})\]/

function createMarkdown(): MarkdownIt {
  const md = new MarkdownItFactory({ html: false, linkify: true, typographer: false })
  md.disable('image')
  md.validateLink = isSafeLink

  md.inline.ruler.before('link', 'footnote_marker', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */ || state.linkLevel > 0) return false
    const match = MARKER.exec(state.src.slice(state.pos))
    if (!match) return false
    const env = state.env as Env
    const references = env.references ?? {}
    const after = state.src.slice(state.pos + match[0].length)
    // "[1](https://…)" is a link, and so is "[1]" when the text defines a reference "[1]: …".
    if (after.startsWith('(') || match[1]! in references) return false
    const label = /^\[([^\]]*)\]/.exec(after)
    if (label && md.utils.normalizeReference(label[1]!) in references) return false
    if (!silent) {
      const marker = Number(match[1])
      const token = state.push('footnote_marker', '', 0)
      token.meta = { marker }
      env.markers = [...(env.markers ?? []), marker]
    }
    state.pos += match[0].length
    return true
  })

  md.renderer.rules.footnote_marker = (tokens, index, _options, env) => {
    const marker = tokens[index]!.meta?.marker as number
    const number = (env as Env | undefined)?.footnoteNumber?.(marker)
    if (!number) return md.utils.escapeHtml(`[${marker}]`)
    return `<sup class="footnote-ref"><a href="#source-${number}" aria-label="Source ${number}">[${number}]</a></sup>`
  }

  const defaultLinkOpen =
    md.renderer.rules.link_open ??
    ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options))
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index]!
    token.attrSet('rel', 'noopener noreferrer')
    if (/^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('target', '_blank')
    return defaultLinkOpen(tokens, index, options, env, self)
  }
  return md
}

let instance: MarkdownIt | undefined
const markdown = () => (instance ??= createMarkdown())

/** The footnote markers of a body in reading order (markers in code or escaped ones do not count). */
export function footnoteMarkersOf(source: string): number[] {
  const env: Env = {}
  markdown().parse(source, env)
  return env.markers ?? []
}

/**
 * Safe HTML for a Markdown body. `footnoteNumber(marker)` gives the footnote number a marker shows,
 * or nothing when that marker cites nothing (it is then written as plain text).
 */
export function renderMarkdown(
  source: string,
  { footnoteNumber }: { footnoteNumber?: (marker: number) => number | null | undefined } = {},
): string {
  return markdown().render(source, { footnoteNumber } satisfies Env)
}

/**
 * Rewrites the footnote markers of an imported text: `renumber(n)` gives the new marker for the
 * press release's footnote n, or null when there is no such footnote (the marker is then escaped,
 * so it stays visible as "[n]" but cites nothing). Groups such as "[1, 2]" or "[3–5]" become one
 * marker each: "[1][2]".
 */
export function renumberMarkers(text: string, renumber: (n: number) => number | null): string {
  return text.replace(
    /\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]/g,
    (whole, inside: string, offset: number) => {
      if (text[offset + whole.length] === '(' || text[offset - 1] === '\\') return whole
      return markerNumbers(inside)
        .map((n) => {
          const next = renumber(n)
          return next === null ? `\\[${n}\\]` : `[${next}]`
        })
        .join('')
    },
  )
}

/** The numbers a marker stands for, in order: "1, 2" -> [1, 2]; "3–5" -> [3, 4, 5]. */
export function markerNumbers(inside: string): number[] {
  const numbers: number[] = []
  for (const part of inside.split(/\s*[,;]\s*/)) {
    const [from, to = from] = part.split(/\s*[–-]\s*/).map(Number) as [number, number?]
    const last = to - from > 20 || to < from ? from : to
    for (let n = from; n <= last; n++) numbers.push(n)
  }
  return numbers
}

/**
 * Plain text made safe to store as Markdown: a paragraph that would start a heading, quote block or
 * list by accident ("# 1 priority", "1. The court…") gets a backslash so it stays a paragraph.
 */
export function escapeBlockSyntax(paragraph: string): string {
  return paragraph
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)([#>+*-])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3')
        .replace(/^(\s*)(={3,}|-{3,}|_{3,}|\*{3,})\s*$/, '$1\\$2'),
    )
    .join('\n')
}
