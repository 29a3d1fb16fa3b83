// From the rows the model reads to what the generator takes: the case as CaseForStatement, and the
// defaults of the form (issuer and target of the latest document and action, the MEPs quoted in
// earlier documents with what they said, their press contacts). Pure.
import type { CustodyState, DatePrecision, LegalStage, ReleaseReason } from '~/domain/vocabularies'
import type { Certainty, Consent, Ground, RiskLevel, Visibility } from '~/domain/vocabularies'
import type { ChoiceDefaults } from './url-choices'
import { MAX_QUOTE_LENGTH, type CaseForStatement } from './facts'
import type { StatementActor, StatementSource } from './types'

export type SourceRow = {
  id: number
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: DatePrecision | null
  url: string | null
}

type CaseRow = {
  id: number
  version: number
  fullName: string
  aliases: string[]
  displayName: string | null
  nationality: string | null
  country: string | null
  grounds: Ground[]
  riskLevel: RiskLevel
  consent: Consent
  visibility: Visibility
}

type EventRow = {
  id: number
  eventDate: string
  datePrecision: DatePrecision
  createdAt: Date | string
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  location: string | null
  description: string
  certainty: Certainty
  sources: SourceRow[]
}

export function toStatementSource(row: SourceRow): StatementSource {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    date:
      row.publishedOn && row.publishedPrecision
        ? { date: row.publishedOn, precision: row.publishedPrecision }
        : null,
    url: row.url,
  }
}

export function caseForStatement(
  record: CaseRow,
  timeline: readonly EventRow[],
  caseSources: readonly SourceRow[],
): CaseForStatement {
  const sources = new Map<number, StatementSource>()
  for (const row of [...timeline.flatMap((e) => e.sources), ...caseSources])
    sources.set(row.id, toStatementSource(row))
  return {
    id: record.id,
    version: record.version,
    fullName: record.fullName,
    aliases: record.aliases,
    displayName: record.displayName,
    nationality: record.nationality,
    country: record.country,
    grounds: record.grounds,
    riskLevel: record.riskLevel,
    consent: record.consent,
    visibility: record.visibility,
    caseSourceIds: [...new Set(caseSources.map((s) => s.id))],
    events: timeline.map(({ sources: cited, ...event }) => ({
      ...event,
      sourceIds: cited.map((s) => s.id),
    })),
    sources: [...sources.values()],
  }
}

export function choiceDefaults({
  actors,
  quotes,
  latestIssuerId,
  latestTargetId,
  today,
  sponsorIds = [],
}: {
  actors: readonly StatementActor[]
  /** The actors sponsoring the case: the MEPs among them are offered first for the quote. */
  sponsorIds?: readonly number[]
  /** Quotes of earlier documents of the case, newest document first. */
  quotes: readonly { actorId: number | null; body: string }[]
  latestIssuerId: number | null
  latestTargetId: number | null
  today: string
}): ChoiceDefaults {
  const mepIds = new Set(actors.filter((a) => a.kind === 'mep').map((a) => a.id))
  const quotedMeps: ChoiceDefaults['quotedMeps'] = []
  for (const actorId of sponsorIds)
    if (mepIds.has(actorId) && !quotedMeps.some((q) => q.actorId === actorId))
      quotedMeps.push({ actorId, quote: '' })
  for (const { actorId, body } of quotes) {
    if (actorId === null || !mepIds.has(actorId)) continue
    const offered = quotedMeps.find((q) => q.actorId === actorId)
    if (offered?.quote) continue
    // A quote too long for the form is not offered again (it would be refused).
    if ([...body].length > MAX_QUOTE_LENGTH) continue
    // A sponsor keeps their place at the front and takes their latest quote.
    if (offered) offered.quote = body
    else quotedMeps.push({ actorId, quote: body })
  }
  const names = [
    ...quotedMeps.map((q) => actors.find((a) => a.id === q.actorId)?.name),
    actors.find((a) => a.id === latestIssuerId)?.name,
  ].filter((n): n is string => Boolean(n))
  const contactIds = actors
    .filter((a) => a.kind === 'press_contact' && names.some((n) => a.office?.includes(n)))
    .map((a) => a.id)
  return { issuerId: latestIssuerId, targetId: latestTargetId, quotedMeps, contactIds, today }
}
