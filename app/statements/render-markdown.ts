// A statement as Markdown: what the edit box holds, what "Download .md" gives, and what a saved
// draft's body is made from. Footnote markers are "[n]" after the sentence; the footnotes follow as
// "[n] …" paragraphs (the document pages read the same markers). Data is escaped so that a name or
// a description can never turn into Markdown formatting.
import type { NumberedSentence, Statement } from './types'

/** Escapes what Markdown would read as formatting, and "[n]" that would look like a marker. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_<]/g, (c) => `\\${c}`)
    .replace(/\[(\d+)\]/g, '\\[$1\\]')
    .replace(/^(#{1,6}\s|>|[-+]\s|\d+[.)]\s)/, (m) => `\\${m}`)
}

function markers(sentence: NumberedSentence, show: boolean): string {
  return show ? sentence.refs.map((n) => `[${n}]`).join('') : ''
}

function sentences(list: readonly NumberedSentence[], show: boolean): string {
  return list.map((s) => `${escapeMarkdown(s.text)}${markers(s, show)}`).join(' ')
}

function quoteMarkdown(block: { speaker: string; text: string }): string {
  const lines = block.text.split(/\n+/).map((line) => `> ${escapeMarkdown(line.trim())}`)
  return `**${escapeMarkdown(block.speaker)}**\n\n${lines.join('\n>\n')}`
}

/** The line that starts the list of sources a post shows apart (it is not part of the post). */
export const SOURCES_RULE = '---'

export function renderStatementMarkdown(statement: Statement): string {
  const parts: string[] = statement.before.map(escapeMarkdown)
  parts.push(`# ${escapeMarkdown(statement.headline)}`)
  if (statement.dateline) parts.push(escapeMarkdown(statement.dateline))
  for (const block of statement.blocks) {
    if (block.type === 'paragraph') parts.push(sentences(block.sentences, statement.markers))
    else if (block.type === 'questions')
      parts.push(
        block.items
          .map(
            (item, i) =>
              `${i + 1}. ${escapeMarkdown(item.text)}${markers(item, statement.markers)}`,
          )
          .join('\n'),
      )
    else if (block.type === 'quote') parts.push(quoteMarkdown(block))
    else
      parts.push(
        ...block.lines.map((line) => (/^https?:\/\//.test(line) ? line : escapeMarkdown(line))),
      )
  }
  if (statement.signature) parts.push(...statement.signature.map(escapeMarkdown))
  if (statement.footnotes.length > 0) {
    if (!statement.markers)
      parts.push(SOURCES_RULE, `*${escapeMarkdown(statement.footnotesHeading)}*`)
    parts.push(
      ...statement.footnotes.map(
        (f) => `[${f.number}] ${escapeMarkdown(f.text).replace(/\\_/g, '_')}`,
      ),
    )
  }
  if (statement.contacts) {
    parts.push(`**${escapeMarkdown(statement.contacts.heading)}**`)
    parts.push(...statement.contacts.lines.map(escapeMarkdown))
  }
  return `${parts.join('\n\n')}\n`
}

/** A footnote paragraph as this renderer writes it: "[1] The Moscow Times, …". */
export const FOOTNOTE_LINE = /^\[\d+\] /

/**
 * What a saved document keeps of an edited statement: the headline becomes its title, and the
 * footnotes become citations, so both leave the body (the document page shows them itself).
 */
export function splitEditedMarkdown(markdown: string): { title: string | null; body: string } {
  const paragraphs = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/)
  let title: string | null = null
  const kept: string[] = []
  let inSources = false
  for (const paragraph of paragraphs) {
    const text = paragraph.trim()
    if (title === null && /^# /.test(text) && !text.includes('\n')) {
      title = text.slice(2).replace(/\\(.)/g, '$1').trim()
      continue
    }
    if (text === SOURCES_RULE) {
      inSources = true
      continue
    }
    if (FOOTNOTE_LINE.test(text) || (inSources && /^\*.*\*$/.test(text))) continue
    if (text) kept.push(text)
  }
  return { title, body: kept.join('\n\n') }
}

export type ExtractedQuote = { actorId: number; speakerLabel: string; body: string }

/**
 * The quotes the user left as generated move out of the text into quote records (so they are
 * attributed to their MEP's actor record); a quote the user edited stays in the text as written.
 */
export function extractUneditedQuotes(
  markdown: string,
  statement: Statement,
): { markdown: string; quotes: ExtractedQuote[] } {
  let text = markdown.replace(/\r\n?/g, '\n')
  const quotes: ExtractedQuote[] = []
  for (const block of statement.blocks) {
    if (block.type !== 'quote') continue
    const rendered = `${quoteMarkdown(block)}\n\n`
    if (!text.includes(rendered)) continue
    text = text.replace(rendered, '')
    quotes.push({ actorId: block.actorId, speakerLabel: block.speaker, body: block.text })
  }
  return { markdown: text, quotes }
}
