// A statement as HTML for the preview and the printed page. Every piece of text is escaped: data
// (names, descriptions, quotes) can never become markup. Edited Markdown is rendered by
// markdown-it with raw HTML off, images off and only http(s)/mailto links.
import MarkdownIt from 'markdown-it'
import type { NumberedSentence, Statement } from './types'

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function sentenceHtml(sentence: NumberedSentence, markers: boolean): string {
  const refs = markers
    ? sentence.refs
        .map(
          (n) =>
            `<sup class="statement__ref"><a href="#statement-note-${n}" aria-label="Note ${n}">[${n}]</a></sup>`,
        )
        .join('')
    : ''
  return `${escapeHtml(sentence.text)}${refs}`
}

function linked(text: string, url: string | null): string {
  if (!url || !/^https?:\/\//i.test(url) || !text.endsWith(url)) return escapeHtml(text)
  const lead = text.slice(0, text.length - url.length)
  return `${escapeHtml(lead)}<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`
}

const p = (className: string | null, html: string) =>
  `<p${className ? ` class="${className}"` : ''}>${html}</p>`

export function renderStatementHtml(statement: Statement): string {
  const out: string[] = []
  out.push(
    `<article class="statement statement--${escapeHtml(statement.template)}" lang="${escapeHtml(statement.language)}">`,
  )
  if (statement.before.length > 0)
    out.push(
      `<div class="statement__before">${statement.before.map((l) => p(null, escapeHtml(l))).join('')}</div>`,
    )
  out.push(`<h2 class="statement__headline">${escapeHtml(statement.headline)}</h2>`)
  if (statement.dateline) out.push(p('statement__dateline', escapeHtml(statement.dateline)))
  for (const block of statement.blocks) {
    if (block.type === 'paragraph')
      out.push(p(null, block.sentences.map((s) => sentenceHtml(s, statement.markers)).join(' ')))
    else if (block.type === 'questions')
      out.push(
        `<ol class="statement__questions">${block.items.map((s) => `<li>${sentenceHtml(s, statement.markers)}</li>`).join('')}</ol>`,
      )
    else if (block.type === 'quote')
      out.push(
        `<figure class="statement__quote"><figcaption>${escapeHtml(block.speaker)}</figcaption><blockquote>${block.text
          .split(/\n+/)
          .map((line) => p(null, escapeHtml(line.trim())))
          .join('')}</blockquote></figure>`,
      )
    else
      out.push(
        `<div class="statement__lines">${block.lines.map((l) => p(null, /^https?:\/\//.test(l) ? linked(l, l) : escapeHtml(l))).join('')}</div>`,
      )
  }
  if (statement.signature)
    out.push(
      `<div class="statement__signature">${statement.signature.map((l) => p(null, escapeHtml(l))).join('')}</div>`,
    )
  if (statement.footnotes.length > 0)
    out.push(
      `<section class="statement__notes" aria-label="${escapeHtml(statement.footnotesHeading)}">${
        statement.markers
          ? ''
          : p('statement__notes-heading', escapeHtml(statement.footnotesHeading))
      }<ol>${statement.footnotes
        .map(
          (f) =>
            `<li id="statement-note-${f.number}" value="${f.number}">${linked(f.text, f.url)}</li>`,
        )
        .join('')}</ol></section>`,
    )
  if (statement.contacts)
    out.push(
      `<div class="statement__contacts">${p(null, `<strong>${escapeHtml(statement.contacts.heading)}</strong>`)}${statement.contacts.lines.map((l) => p(null, escapeHtml(l))).join('')}</div>`,
    )
  out.push('</article>')
  return out.join('\n')
}

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })
markdown.disable('image')
markdown.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim())
// The page has its own h1: the edited headline becomes an h2, like the generated preview's.
for (const rule of ['heading_open', 'heading_close'] as const) {
  markdown.renderer.rules[rule] = (tokens, index, options, _env, self) => {
    const token = tokens[index]!
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`
    return self.renderToken(tokens, index, options)
  }
}

/** The edited text as HTML, for the preview after an edit. */
export function renderEditedMarkdownHtml(text: string, language: string): string {
  return `<article class="statement statement--edited" lang="${escapeHtml(language)}">${markdown.render(text)}</article>`
}
