// A case's sponsors (issue 13 §4), linked from the case page's Sponsors section: editors add one (picked in the search box, or found from the words
// typed without JavaScript) or remove one after ticking a confirmation. Success goes back to the case
// page; a form that needs another look is shown here with what was typed and the people found.
import { data, redirect } from '@remix-run/node'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import {
  AddSponsorForm,
  RemoveSponsor,
  type SponsorFormState,
} from '~/components/case-sponsor-forms'
import { CaseSponsors } from '~/components/case-sponsors'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AddSponsorSchema, RemoveSponsorSchema } from '~/domain/sponsor-schema.server'
import {
  addCaseSponsor,
  listCaseSponsors,
  removeCaseSponsor,
  searchSponsorActors,
} from '~/models/case-sponsor.server'
import { requireEditableCase } from '~/guards/editable-case.server'
import { parseForm, type FormValues } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, record } = await requireEditableCase(request, params.slug)
  return {
    record: { slug: record.slug, fullName: record.fullName },
    sponsors: await listCaseSponsors(db, { caseId: record.id }),
  }
}

const REFUSALS = {
  duplicate: 'This person already sponsors the case.',
  not_a_person: 'Only an MEP or another person can sponsor a case; choose one from the matches.',
} as const

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireEditableCase(request, params.slug)
  const formData = await request.formData()
  const back = redirect(`/cases/${record.slug}#sponsors-title`)
  const actor = auditActor(request, user)
  const viewer = { id: user.id, role: user.role }
  const fail = (state: SponsorFormState, values: FormValues) =>
    data({ ...state, values } satisfies SponsorFormState, { status: 400 })

  if (formData.get('intent') === 'remove') {
    const parsed = await parseForm(formData, RemoveSponsorSchema)
    if (!parsed.success)
      return fail(
        { formError: 'Nothing was removed: tick the box to confirm the removal.' },
        parsed.values,
      )
    await removeCaseSponsor(db, { actor, caseId: record.id, actorId: parsed.data.actorId })
    return back
  }
  const parsed = await parseForm(formData, AddSponsorSchema)
  if (!parsed.success) return fail({ errors: parsed.fieldErrors }, parsed.values)
  let actorId = parsed.data.actorId
  if (actorId === null) {
    const matches = await searchSponsorActors(db, { viewer, q: parsed.data.actorQ })
    if (matches.length !== 1)
      return fail(
        {
          matches,
          errors: {
            actorQ: [
              matches.length === 0
                ? `No MEP or other person you can see matches “${parsed.data.actorQ}”.`
                : 'Several people match: choose one below.',
            ],
          },
        },
        parsed.values,
      )
    actorId = matches[0]!.id
  }
  const result = await addCaseSponsor(db, {
    actor,
    viewer,
    caseId: record.id,
    actorId,
    since: parsed.data.since,
    note: parsed.data.note,
  })
  if (!result.ok) return fail({ formError: REFUSALS[result.reason] }, parsed.values)
  return back
}

export default function CaseSponsorsPage() {
  const { record, sponsors } = useLoaderData<typeof loader>()
  const state = useActionData<typeof action>()
  return (
    <article aria-labelledby="sponsors-page-title">
      <p className="breadcrumb">
        <Link to={`/cases/${record.slug}`}>← {record.fullName}</Link>
      </p>
      <h1 id="sponsors-page-title">Sponsors of {record.fullName}</h1>
      <CaseSponsors
        slug={record.slug}
        sponsors={sponsors}
        canEdit
        removeFor={(sponsor) => <RemoveSponsor slug={record.slug} sponsor={sponsor} />}
      >
        <AddSponsorForm slug={record.slug} state={state} />
      </CaseSponsors>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Sponsors of ${data.record.fullName} · Case tracker` : 'Not found · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
