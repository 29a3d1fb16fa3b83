// A statement as a Word document. It is made from the Markdown (generated or edited), so what the
// user edited is what they download: headline, date line, paragraphs with superscript note
// markers, quotes indented, questions numbered, and the footnotes as a numbered list at the end.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx'
import MarkdownIt from 'markdown-it'
import { FOOTNOTE_LINE, renderStatementMarkdown } from './render-markdown'
import type { Statement } from './types'

type Token = ReturnType<typeof markdown.parse>[number]
type Style = { bold: boolean; italics: boolean }

const markdown = new MarkdownIt({ html: false, linkify: true })
markdown.disable('image')

/** Text with "[n]" markers as superscript runs; a footnote's own leading "[n]" stays as it is. */
function textRuns(text: string, style: Style, keepLeading: boolean): TextRun[] {
  const runs: TextRun[] = []
  let rest = text
  if (keepLeading) {
    const lead = FOOTNOTE_LINE.exec(rest)?.[0]
    if (lead) {
      runs.push(new TextRun({ text: lead, ...style }))
      rest = rest.slice(lead.length)
    }
  }
  for (const piece of rest.split(/(\[\d+\])/)) {
    if (!piece) continue
    runs.push(new TextRun({ text: piece, ...style, superScript: /^\[\d+\]$/.test(piece) }))
  }
  return runs
}

function inlineChildren(token: Token): ParagraphChild[] {
  const children: ParagraphChild[] = []
  const style: Style = { bold: false, italics: false }
  let link: { href: string; runs: TextRun[] } | null = null
  let first = true
  for (const child of token.children ?? []) {
    const push = (runs: TextRun[]) => (link ? link.runs.push(...runs) : children.push(...runs))
    if (child.type === 'text') {
      push(textRuns(child.content, { ...style }, first))
      first = false
    } else if (child.type === 'strong_open') style.bold = true
    else if (child.type === 'strong_close') style.bold = false
    else if (child.type === 'em_open') style.italics = true
    else if (child.type === 'em_close') style.italics = false
    else if (child.type === 'softbreak') push([new TextRun({ text: ' ' })])
    else if (child.type === 'hardbreak') push([new TextRun({ text: '', break: 1 })])
    else if (child.type === 'code_inline') push([new TextRun({ text: child.content })])
    else if (child.type === 'link_open')
      link = { href: String(child.attrGet('href') ?? ''), runs: [] }
    else if (child.type === 'link_close' && link) {
      const { href, runs } = link
      link = null
      children.push(
        /^(https?:|mailto:)/i.test(href)
          ? new ExternalHyperlink({ link: href, children: runs })
          : runs[0]!,
      )
    }
  }
  return children
}

/** Markdown (as the statement renderer writes it, or as the user edited it) to Word paragraphs. */
export function markdownToParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let quoteDepth = 0
  let list: { ordered: boolean; n: number } | null = null
  let heading: number | null = null
  for (const token of markdown.parse(text, {})) {
    if (token.type === 'blockquote_open') quoteDepth++
    else if (token.type === 'blockquote_close') quoteDepth--
    else if (token.type === 'ordered_list_open') list = { ordered: true, n: 0 }
    else if (token.type === 'bullet_list_open') list = { ordered: false, n: 0 }
    else if (token.type === 'ordered_list_close' || token.type === 'bullet_list_close') list = null
    else if (token.type === 'list_item_open' && list) list.n++
    else if (token.type === 'heading_open') heading = Number(token.tag.slice(1))
    else if (token.type === 'hr')
      paragraphs.push(new Paragraph({ text: '—', alignment: AlignmentType.CENTER }))
    else if (token.type === 'inline') {
      const children = inlineChildren(token)
      const prefix = list ? (list.ordered ? `${list.n}. ` : '• ') : ''
      const isNote = FOOTNOTE_LINE.test(token.content)
      paragraphs.push(
        new Paragraph({
          heading:
            heading === 1 ? HeadingLevel.TITLE : heading ? HeadingLevel.HEADING_2 : undefined,
          children: prefix ? [new TextRun(prefix), ...children] : children,
          indent: quoteDepth > 0 || list ? { left: 720 } : undefined,
          spacing: { after: isNote ? 60 : 160 },
          style: isNote ? 'Note' : quoteDepth > 0 ? 'Quote' : undefined,
        }),
      )
      heading = null
    }
  }
  return paragraphs
}

export async function renderMarkdownDocx(
  text: string,
  { title, language }: { title: string; language: string },
): Promise<Buffer> {
  const document = new Document({
    creator: 'Case tracker',
    title,
    description: 'Draft statement generated from case data',
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22, language: { value: language } } } },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', run: { size: 18 } },
      ],
    },
    sections: [{ children: markdownToParagraphs(text) }],
  })
  return Packer.toBuffer(document)
}

export function renderStatementDocx(statement: Statement): Promise<Buffer> {
  return renderMarkdownDocx(renderStatementMarkdown(statement), {
    title: statement.headline,
    language: statement.language,
  })
}
