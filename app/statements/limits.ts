// The length limits hold for edited text too: a written question or a post that the user made
// longer than the limit is not downloaded or saved silently — the user is told by how much.
import { FOOTNOTE_LINE, SOURCES_RULE } from './render-markdown'
import { countCharacters, countWords } from './text-checks'
import { SOCIAL_CHARACTER_LIMIT } from './templates/social-post'
import { QUESTION_WORD_LIMIT } from './templates/written-question'
import type { TemplateId } from './types'

/** The paragraphs that count: from the headline on, without footnotes and listed sources. */
function countedParagraphs(markdown: string): { headline: string | null; rest: string[] } {
  const paragraphs = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
  const start = paragraphs.findIndex((p) => /^# /.test(p))
  const counted = start >= 0 ? paragraphs.slice(start) : paragraphs
  const end = counted.indexOf(SOURCES_RULE)
  const body = (end >= 0 ? counted.slice(0, end) : counted).filter(
    (p) => p !== '' && !FOOTNOTE_LINE.test(p),
  )
  if (start >= 0) return { headline: body[0]!.slice(2), rest: body.slice(1) }
  return { headline: null, rest: body }
}

export function editedLimitProblem(template: TemplateId, markdown: string): string | null {
  if (template === 'written_question') {
    const { headline, rest } = countedParagraphs(markdown)
    const words = countWords(
      [headline ?? '', ...rest.map((p) => p.replace(/^\d+\.\s/gm, ''))].join(' '),
    )
    return words > QUESTION_WORD_LIMIT
      ? `The edited written question has ${words} words; the European Parliament accepts at most ${QUESTION_WORD_LIMIT}. Shorten it by ${words - QUESTION_WORD_LIMIT} words and try again.`
      : null
  }
  if (template === 'social_post') {
    const { rest } = countedParagraphs(markdown)
    const characters = countCharacters(rest.join(' ').replace(/\\(.)/g, '$1'))
    return characters > SOCIAL_CHARACTER_LIMIT
      ? `The edited post has ${characters} characters, the link included; the limit is ${SOCIAL_CHARACTER_LIMIT}. Shorten it by ${characters - SOCIAL_CHARACTER_LIMIT} characters and try again.`
      : null
  }
  return null
}
