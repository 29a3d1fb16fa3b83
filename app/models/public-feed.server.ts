// The public Atom feeds' entries: confirmed events and published documents of public, consented
// cases (app/models/public-visibility.server.ts), newest change first, capped.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { PublicFeedEntry } from '../public-feed/atom'
import { documentLinkedToHiddenCase, publicCase, publicNameOf } from './public-visibility.server'

type Db = Kysely<Database>

export const PUBLIC_FEED_LIMIT = 50

/**
 * The newest confirmed events and published documents of public cases (of one case when `slug` is
 * given), newest change first, at most `limit` in all. A document on several public cases appears
 * once, under the first of them.
 */
export async function listPublicFeedEntries(
  db: Db,
  { slug = null, limit = PUBLIC_FEED_LIMIT }: { slug?: string | null; limit?: number },
): Promise<PublicFeedEntry[]> {
  const [events, documents] = await Promise.all([
    db
      .selectFrom('statusEvents')
      .innerJoin('cases', 'cases.id', 'statusEvents.caseId')
      .select([
        'statusEvents.id',
        'statusEvents.eventDate',
        'statusEvents.datePrecision',
        'statusEvents.custodyState',
        'statusEvents.legalStage',
        'statusEvents.description',
        'statusEvents.updatedAt',
        'cases.slug',
        'cases.fullName',
        'cases.displayName',
      ])
      .where(publicCase)
      .where('statusEvents.certainty', '=', 'confirmed')
      .$if(slug !== null, (q) => q.where('cases.slug', '=', slug!))
      .orderBy('statusEvents.updatedAt', 'desc')
      .orderBy('statusEvents.id', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('documents')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('documentCases')
            .innerJoin('cases', 'cases.id', 'documentCases.caseId')
            .where(publicCase)
            .$if(slug !== null, (q) => q.where('cases.slug', '=', slug!))
            .select((inner) => ['documentCases.documentId', inner.fn.min('cases.slug').as('slug')])
            .groupBy('documentCases.documentId')
            .as('link'),
        (join) => join.onRef('link.documentId', '=', 'documents.id'),
      )
      .innerJoin('cases', 'cases.slug', 'link.slug')
      .select([
        'documents.id',
        'documents.title',
        'documents.kind',
        'documents.url',
        'documents.updatedAt',
        'cases.slug',
        'cases.fullName',
        'cases.displayName',
      ])
      .where('documents.status', '=', 'published')
      .where((eb) => eb.not(documentLinkedToHiddenCase(eb)))
      .orderBy('documents.updatedAt', 'desc')
      .orderBy('documents.id', 'desc')
      .limit(limit)
      .execute(),
  ])
  const entries: PublicFeedEntry[] = [
    ...events.map(({ fullName, displayName, ...row }) => ({
      ...row,
      kind: 'event' as const,
      name: publicNameOf({ fullName, displayName }),
    })),
    ...documents.map(({ fullName, displayName, kind, ...row }) => ({
      ...row,
      kind: 'document' as const,
      documentKind: kind,
      name: publicNameOf({ fullName, displayName }),
    })),
  ]
  return entries
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.id - a.id)
    .slice(0, limit)
}
