// What the public pages must never show, added to the leak world (leak-world.ts): a public case
// with consent whose every sensitive field carries a marker (grounds, gender, date of birth,
// internal notes, an event's location), with an alleged event and a draft document beside a
// confirmed event and a published one; and a public case WITHOUT consent. With the world's
// restricted case B and internal case C, none of it may reach an anonymous reader of /p or a feed.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { createCase } from '../../app/models/case.server'
import { linkCase } from '../../app/models/document-parts.server'
import { createDocument } from '../../app/models/document-write.server'
import { createSource } from '../../app/models/source-write.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { caseFields } from './fixtures'
import type { World } from './leak-world'

/** In every text only the signed-in app may show; nothing public contains it. */
export const PUBLIC_MARKER = 'Qzvsensitive'

export type PublicWorld = {
  /** Public and consented, with sensitive fields set. */
  pia: { id: number; slug: string; name: string }
  /** Public, consent refused: as hidden as a restricted case. */
  dora: { id: number; slug: string; name: string }
  /** What a public page of Pia does show: proves the crawler reads the pages it searches. */
  piaPublicTexts: string[]
  /** Texts (and values) that must appear on no public page or feed. */
  forbidden: string[]
}

export async function addPublicWorld(db: Kysely<Database>, world: World): Promise<PublicWorld> {
  const actor = { userId: world.users.admin.id, requestId: 'public-world' }
  const piaName = 'Pia Publicova Пия'
  const pia = await createCase(db, {
    actor,
    fields: caseFields({
      fullName: piaName,
      visibility: 'public',
      consent: 'given',
      country: 'Georgia',
      summary: 'Pia Publicova, a blogger, was detained after a post about the elections.',
      internalNotes: `${PUBLIC_MARKER} note: her sister lives at 12 Hidden Street.`,
      grounds: ['sexual_orientation'],
      gender: 'non_binary_or_other',
      dateOfBirth: '1987-04-13',
      dateOfBirthPrecision: 'day',
    }),
  })
  const doraName = `${PUBLIC_MARKER} Dora Noconsent`
  const dora = await createCase(db, {
    actor,
    fields: caseFields({ fullName: doraName, visibility: 'public', consent: 'refused' }),
  })
  const source = async (title: string, url: string) => {
    const made = await createSource(db, {
      actor,
      fields: {
        title,
        publisher: 'A publisher',
        publishedOn: '2024-05-02',
        publishedPrecision: 'day',
        url,
        archivedUrl: null,
        accessedOn: null,
        kind: 'news',
        reliability: 'high',
      },
    })
    if (!made.ok) throw new Error('could not create a source')
    return made.id
  }
  const piaSource = await source('Blogger Pia Publicova detained', 'https://news.example.org/pia')
  const doraSource = await source(
    `${PUBLIC_MARKER} report on Dora`,
    'https://news.example.org/dora',
  )
  const event = async (
    caseId: number,
    description: string,
    certainty: 'confirmed' | 'alleged',
    sourceIds: number[],
    location: string | null = null,
  ) =>
    recordStatusEvent(db, {
      actor,
      caseId,
      sourceIds,
      fields: {
        eventDate: '2024-05-01',
        datePrecision: 'day',
        custodyState: 'detained',
        legalStage: 'charged',
        releaseReason: null,
        location,
        description,
        certainty,
      },
    })
  await event(
    pia.id,
    'Pia Publicova detained at the police station.',
    'confirmed',
    [piaSource],
    `${PUBLIC_MARKER} flat of her parents`,
  )
  await event(pia.id, `${PUBLIC_MARKER} reportedly beaten in custody`, 'alleged', [])
  await event(dora.id, `${PUBLIC_MARKER} Dora detained`, 'confirmed', [doraSource])
  const document = async (title: string, status: 'draft' | 'published', caseId: number) => {
    const made = await createDocument(db, {
      actor,
      fields: {
        kind: 'statement',
        title,
        place: 'Brussels',
        documentDate: '2024-05-03',
        datePrecision: 'day',
        issuerId: null,
        language: 'en',
        body: `${PUBLIC_MARKER} body.`,
        url: null,
        status,
      },
    })
    if (!made.ok) throw new Error('could not create a document')
    await linkCase(db, { actor, documentId: made.id, caseId })
    return made.id
  }
  await document('Statement: free Pia Publicova', 'published', pia.id)
  await document(`${PUBLIC_MARKER} draft statement for Pia`, 'draft', pia.id)
  await document(`${PUBLIC_MARKER} statement for Dora`, 'published', dora.id)
  return {
    pia: { id: pia.id, slug: pia.slug, name: piaName },
    dora: { id: dora.id, slug: dora.slug, name: doraName },
    piaPublicTexts: [
      piaName,
      'Pia Publicova detained at the police station.',
      'Statement: free Pia Publicova',
      'Blogger Pia Publicova detained',
    ],
    forbidden: [
      PUBLIC_MARKER,
      ...world.bOnlyTexts,
      world.cases.c.fullName,
      'Carl reported at risk.',
      // Pia's sensitive fields, in every spelling a page might use.
      'sexual_orientation',
      'Sexual orientation',
      'sexual orientation',
      'non_binary_or_other',
      'Non-binary or other',
      '1987-04-13',
      '13 April 1987',
      'Hidden Street',
    ],
  }
}
