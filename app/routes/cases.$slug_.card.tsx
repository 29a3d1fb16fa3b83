// The one-page case card (issue 13 §1): for an MEP walking into a meeting. One A4 page in print
// (styles/case-card.css), readable on a phone, no photo. Every signed-in role who may see the case;
// a case they may not see is the same 404 as one that does not exist.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CaseCardView } from '~/components/case-card'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatPartialDate, todayIso } from '~/domain/dates'
import { getCaseCard } from '~/models/case-card.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import cardStyles from '~/styles/case-card.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: cardStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const today = todayIso()
  const card = await getCaseCard(await getDb(), { slug: params.slug ?? '', viewer: user, today })
  invariantResponse(card)
  return { card, printedOn: formatPartialDate({ date: today, precision: 'day' }) }
}

export default function CaseCardPage() {
  const { card, printedOn } = useLoaderData<typeof loader>()
  return (
    <>
      <p className="breadcrumb case-card__screen-only">
        <Link to={`/cases/${card.slug}`}>← Back to the case</Link>
      </p>
      <CaseCardView card={card} printedOn={printedOn} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.card.name} — case card · Case tracker` : 'Not found · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
