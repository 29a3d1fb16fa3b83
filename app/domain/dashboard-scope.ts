// The dashboard's narrowing to a set of cases (issue 13 §3 and §4): "cases I follow" and "sponsored
// by" an MEP. Both read from the address (a plain GET form, so it works without JavaScript) and are
// carried by every link and form of the dashboard, so a chart filter keeps them.
import { isRecordId } from '~/utils/record-id'

export type DashboardScope = { following: boolean; sponsorId?: number }

/** The scope in the address; `sponsorQ` is the words typed in the sponsor box without JavaScript. */
export function parseDashboardScope(params: URLSearchParams): DashboardScope & {
  sponsorQ?: string
  ignoredSponsor: boolean
} {
  const raw = params.get('sponsor')?.trim() ?? ''
  const id = Number(raw)
  // Present when the form was sent: the sponsor box's words ("" when emptied, which clears it).
  const sponsorQ = params.get('sponsorQ')?.trim().slice(0, 200)
  return {
    following: params.get('following') === '1',
    sponsorId: raw !== '' && isRecordId(id) ? id : undefined,
    sponsorQ,
    ignoredSponsor: raw !== '' && !isRecordId(id),
  }
}

export const isScoped = (scope: DashboardScope) => scope.following || scope.sponsorId !== undefined

/** The scope's parameters, to add to a dashboard address: "" or "following=1&sponsor=12". */
export function scopeParams(scope: DashboardScope): [string, string][] {
  const params: [string, string][] = []
  if (scope.following) params.push(['following', '1'])
  if (scope.sponsorId !== undefined) params.push(['sponsor', String(scope.sponsorId)])
  return params
}

/** A dashboard address (`/dashboard?…` from the chart's own search) with the scope added. */
export function withScope(href: string, scope: DashboardScope): string {
  const extra = scopeParams(scope)
  if (extra.length === 0) return href
  const query = new URLSearchParams(extra).toString()
  return `${href}${href.includes('?') ? '&' : '?'}${query}`
}
