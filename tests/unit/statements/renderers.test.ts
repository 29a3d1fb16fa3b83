// Markdown, HTML and .docx renderings of a statement: data is escaped, footnotes come out
// numbered, and the Word file opens with the headline and footnotes in word/document.xml.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderStatementDocx, renderMarkdownDocx } from '../../../app/statements/render-docx.server'
import { renderEditedMarkdownHtml, renderStatementHtml } from '../../../app/statements/render-html'
import {
  escapeMarkdown,
  extractUneditedQuotes,
  splitEditedMarkdown,
} from '../../../app/statements/render-markdown'
import { ACTORS, generateOk } from './seeded-case'

function documentXml(buffer: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'statement-')), 'statement.docx')
  fs.writeFileSync(file, buffer)
  try {
    return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' })
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

const hostile = {
  ...ACTORS.chechenAuthorities,
  name: '<script>alert("x")</script> *bold* [1]',
}

describe('HTML', () => {
  it('escapes every piece of data', () => {
    const { statement } = generateOk({}, { target: hostile })
    const html = renderStatementHtml(statement)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(“x”)&lt;/script&gt; *bold* [1]')
  })

  it('links footnote markers to numbered notes', () => {
    const html = renderStatementHtml(generateOk().statement)
    expect(html).toContain('<a href="#statement-note-1" aria-label="Note 1">[1]</a>')
    expect(html).toMatch(/<li id="statement-note-2" value="2">The Moscow Times, /)
  })

  it('renders edited Markdown without raw HTML or unsafe links', () => {
    const html = renderEditedMarkdownHtml('Hi <b>there</b> [x](javascript:alert(1))', 'en')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('href="javascript')
  })
})

describe('Markdown', () => {
  it('escapes data so it cannot become formatting or a false footnote marker', () => {
    expect(escapeMarkdown('*bold* _x_ [1] # no')).toBe('\\*bold\\* \\_x\\_ \\[1\\] # no')
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
    const { markdown } = generateOk({}, { target: hostile })
    expect(markdown).toContain('\\<script>alert(“x”)\\</script> \\*bold\\* \\[1\\]')
  })

  it('splits an edited statement into a title and a body without the footnotes', () => {
    const { markdown } = generateOk()
    const { title, body } = splitEditedMarkdown(markdown.replace('# LGBTI', '# Edited: LGBTI'))
    expect(title).toBe(
      'Edited: LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
    )
    expect(body).toMatch(/^Press release\n\nBrussels, 22 February 2023\n\nIn 2018/)
    expect(body).toContain(
      'refugee status, to escape the electroshock torture he was subjected to by authorities.[1]',
    )
    expect(body).not.toMatch(/^\[\d\] /m)
    expect(body).toMatch(/\*\*Press contacts:\*\*/)
  })

  it('moves the quotes left as generated out of the text, and keeps an edited one in it', () => {
    const { statement, markdown } = generateOk()
    const untouched = extractUneditedQuotes(markdown, statement)
    expect(untouched.quotes.map((q) => q.actorId)).toEqual([ACTORS.bjork.id, ACTORS.castaldo.id])
    expect(untouched.quotes[1]!.speakerLabel).toMatch(/Castaldo MEP .*concludes:$/)
    expect(untouched.markdown).not.toMatch(/MEP \(/)
    expect(untouched.markdown).toMatch(/\n\n\[1\] European Parliament/)
    const edited = extractUneditedQuotes(
      markdown.replace('is not new', 'is not at all new'),
      statement,
    )
    expect(edited.quotes.map((q) => q.actorId)).toEqual([ACTORS.castaldo.id])
    expect(edited.markdown).toContain('is not at all new')
    expect(edited.markdown).toContain('**Malin Björk MEP (The Left)')
  })

  it('drops a post’s listed sources from the saved body', () => {
    const { markdown } = generateOk({}, { template: 'social_post', link: 'https://example.org/x' })
    const { body } = splitEditedMarkdown(markdown)
    expect(body).not.toMatch(/Sources|Moscow Times|---/)
    expect(body).toContain('https://example.org/x')
  })
})

describe('.docx', () => {
  it('opens, and word/document.xml holds the headline and both footnotes', async () => {
    const { statement } = generateOk()
    const xml = documentXml(await renderStatementDocx(statement))
    expect(xml).toContain(
      'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
    )
    expect(xml).toContain('Brussels, 22 February 2023')
    expect(xml).toContain('European Parliament resolution on the situation in Chechnya')
    expect(xml).toContain('Russia detains Gay Chechen Refugee at Moscow Airport')
    expect(xml).toMatch(/<w:vertAlign w:val="superscript"\/>.*?\[1\]/s)
  })

  it('keeps French typography and renders edited text', async () => {
    const { statement } = generateOk({}, { language: 'fr' })
    const french = documentXml(await renderStatementDocx(statement))
    expect(french).toContain('22 février 2023')
    const edited = documentXml(
      await renderMarkdownDocx('# Mon titre\n\nUn texte **modifié**.[1]\n\n[1] Une source', {
        title: 'Mon titre',
        language: 'fr',
      }),
    )
    expect(edited).toContain('Mon titre')
    expect(edited).toContain('modifié')
    expect(edited).toContain('Une source')
  })
})
