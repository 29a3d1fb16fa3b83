// One call from the URL's choices to a finished statement, shared by the generator page, the
// downloads and saving: read and check the choices, build the facts (with the safety rules),
// run the template, render Markdown. Pure: the case, the actors and `today` are passed in.
import { readChoiceValues, choiceQuery, validateChoices, type ChoiceDefaults } from './url-choices'
import type { ChoiceErrors, ChoiceValues } from './url-choices'
import { buildStatementFacts, type CaseForStatement } from './facts'
import { languagePack } from './lang'
import { renderStatementHtml } from './render-html'
import { renderStatementMarkdown } from './render-markdown'
import { generateStatement } from './templates'
import type { Statement, StatementActor } from './types'

export type GeneratorOutcome = {
  values: ChoiceValues
  query: string
  errors: ChoiceErrors | null
  result:
    { ok: true; statement: Statement; markdown: string } | { ok: false; message: string } | null
}

export function runGenerator({
  caseData,
  actors,
  defaults,
  params,
  today,
}: {
  caseData: CaseForStatement
  actors: readonly StatementActor[]
  defaults: ChoiceDefaults
  params: URLSearchParams
  today: string
}): GeneratorOutcome {
  const values = readChoiceValues(params, defaults)
  const query = choiceQuery(values)
  const checked = validateChoices(values, actors)
  if (!checked.ok) return { values, query, errors: checked.errors, result: null }
  const facts = buildStatementFacts(caseData, checked.choices, today)
  if (!facts.ok) return { values, query, errors: null, result: facts }
  const generated = generateStatement(
    checked.choices.template,
    languagePack(checked.choices.language),
    facts.facts,
    facts.notices,
  )
  if (!generated.ok) return { values, query, errors: null, result: generated }
  return {
    values,
    query,
    errors: null,
    result: {
      ok: true,
      statement: generated.statement,
      markdown: renderStatementMarkdown(generated.statement),
    },
  }
}

/** "press-release-idris-arsamikov-2023-02-22" for a download's file name (ASCII only). */
export function statementFileName(template: string, slug: string, date: string): string {
  return `${template.replace(/_/g, '-')}-${slug}-${date}`.replace(/[^a-z0-9-]/gi, '')
}

/** What the generator page shows of an outcome: HTML to preview, Markdown to edit, notices. */
export function previewOf(result: GeneratorOutcome['result']) {
  if (!result) return null
  if (!result.ok) return { ok: false as const, message: result.message }
  const { statement, markdown } = result
  return {
    ok: true as const,
    html: renderStatementHtml(statement),
    markdown,
    notices: statement.notices,
    limit: statement.limit,
    template: statement.template,
    language: statement.language,
  }
}
