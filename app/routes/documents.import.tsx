import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { AlreadyImportedNotice, ImportTextForm } from '~/components/document-import/import-form'
import { ImportPreview } from '~/components/document-import/preview-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { FieldErrors } from '~/utils/forms'
import {
  IMPORT_ARRAY_FIELDS,
  ImportConfirmSchema,
  importValuesFromForm,
  MAX_IMPORT_BYTES,
  parsePressRelease,
} from '~/document-import/import-page.server'
import { importPressRelease } from '~/document-import/import-write.server'
import { buildImportPreview, loadImportOptions } from '~/document-import/preview.server'
import { importTextOf, readImportForm } from '~/document-import/request.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import type { ImportValues } from '~/document-import/values'
import { auditActor } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'update:case')
  return { maxMegabytes: MAX_IMPORT_BYTES / 1_000_000 }
}

/** Step one answered with a message: nothing was read, nothing written. */
const refused = (formError: string, text: string, status: number) =>
  data({ stage: 'input' as const, formError, text }, { status })

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const read = await readImportForm(request)
  if (!read.ok) return refused(read.error, '', read.status)

  if (read.form.get('intent') === 'confirm') {
    // The preview's fields are read into the import's own shape (lists of parties, quotes,
    // footnotes) before the schema checks them; the page shows them back in that shape.
    const parsed = await parseForm(read.form, ImportConfirmSchema, {
      arrayFields: IMPORT_ARRAY_FIELDS,
      prepare: importValuesFromForm,
    })
    const values = parsed.fields as ImportValues
    const again = async (errors: FieldErrors) => {
      const options = await loadImportOptions(db, { viewer: user, values })
      return data({ stage: 'preview' as const, values, options, errors }, { status: 400 })
    }
    if (!parsed.success) return again(parsed.fieldErrors)
    const result = await importPressRelease(db, {
      actor: auditActor(request, user),
      viewer: user,
      input: parsed.data,
    })
    if (result.ok) return redirect(`/documents/${result.documentId}?imported=1`)
    if (result.reason === 'duplicate')
      return data({ stage: 'duplicate' as const, existing: result.existing })
    return again(result.errors)
  }

  const input = await importTextOf(read.form)
  if (!input.ok) return refused(input.error, '', 400)
  const parsed = parsePressRelease(input.text)
  // A text over the limit is not sent back to the page.
  if (!parsed.ok) return refused(parsed.error, parsed.code === 'too_large' ? '' : input.text, 400)
  const preview = await buildImportPreview(db, {
    viewer: user,
    text: input.text,
    parsed: parsed.value,
  })
  if (preview.kind === 'duplicate')
    return data({ stage: 'duplicate' as const, existing: preview.existing })
  const options = await loadImportOptions(db, { viewer: user, values: preview.values })
  return data({
    stage: 'preview' as const,
    values: preview.values,
    options,
    errors: {} as FieldErrors,
  })
}

export default function ImportPage() {
  const { maxMegabytes } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  return (
    <section aria-labelledby="import-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/documents">← All documents</Link>
      </p>
      <h1 id="import-title">
        {answer?.stage === 'preview' ? 'Check the import' : 'Import a press release'}
      </h1>
      {answer?.stage === 'preview' ? (
        <>
          <p className="muted">
            This is what was read from the text. Correct anything that is wrong, then confirm:
            nothing has been saved yet.
          </p>
          <ImportPreview values={answer.values} options={answer.options} errors={answer.errors} />
        </>
      ) : answer?.stage === 'duplicate' ? (
        <AlreadyImportedNotice existing={answer.existing} />
      ) : (
        <>
          <p className="muted">
            The title, place and date, text, quotes with their speakers, footnotes, press contacts
            and the cases named are read from the text and shown for you to check.
          </p>
          <ImportTextForm
            formError={answer?.stage === 'input' ? answer.formError : null}
            text={answer?.stage === 'input' ? answer.text : ''}
            maxMegabytes={maxMegabytes}
          />
        </>
      )}
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Import a press release · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
