// Downloads of a statement: GET with the generator's choices in the query (the generated text), or
// POST with the edited text. `format` is md or docx; anything else is a 400 with a message.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { todayIso } from '~/domain/dates'
import { getStatementSetup } from '~/models/statement-setup.server'
import { runGenerator, statementFileName } from '~/statements/generate'
import { editedLimitProblem } from '~/statements/limits'
import { renderMarkdownDocx } from '~/statements/render-docx.server'
import { requirePermission, type SessionUser } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

function refuse(message: string, status = 400) {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

async function download(
  user: SessionUser,
  slug: string | undefined,
  choices: URLSearchParams,
  format: string | null,
  edited: string | null,
) {
  const today = todayIso()
  // The case first: a reader who may not see it learns nothing from a message about the rest.
  const setup = await getStatementSetup(await getDb(), {
    slug: slug ?? '',
    viewer: user,
    today,
    params: choices,
  })
  invariantResponse(setup)
  if (format !== 'md' && format !== 'docx') return refuse('Choose a format: md or docx.')
  if (edited !== null && edited.trim() === '')
    return refuse('The text is empty: nothing to download.')
  const outcome = runGenerator({ ...setup, params: choices, today })
  if (outcome.errors)
    return refuse(Object.values(outcome.errors).flat().join('\n') || 'These choices are not valid.')
  if (!outcome.result?.ok) return refuse(outcome.result?.message ?? 'Nothing to download.')
  const { statement, markdown } = outcome.result
  const text = edited ?? markdown
  if (text.length > 200_000) return refuse('The text can be at most 200,000 characters.')
  const problem = editedLimitProblem(statement.template, text)
  if (problem) return refuse(problem)
  const name = statementFileName(statement.template, setup.record.slug, outcome.values.date)
  if (format === 'md')
    return new Response(text, {
      headers: {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.md"`,
      },
    })
  const title = /^# (.+)$/m.exec(text)?.[1]?.replace(/\\(.)/g, '$1') ?? statement.headline
  const buffer = await renderMarkdownDocx(text, { title, language: statement.language })
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': DOCX,
      'Content-Disposition': `attachment; filename="${name}.docx"`,
    },
  })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'generate:statement')
  const url = new URL(request.url)
  return download(user, params.slug, url.searchParams, url.searchParams.get('format'), null)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'generate:statement')
  const form = await request.formData()
  const url = new URL(request.url)
  const format = url.searchParams.get('format') ?? String(form.get('format') ?? '')
  const text = String(form.get('text') ?? '').replace(/\r\n?/g, '\n')
  const choices = new URLSearchParams(String(form.get('choices') ?? ''))
  return download(user, params.slug, choices, format, text)
}
