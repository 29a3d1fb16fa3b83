// The press release of 22 February 2023 as the seed stores it: its issuer, the two MEPs quoted, the
// press contacts, the addressee, the document with its quotes and footnotes, and the action it was.
import type { Kysely } from 'kysely'
import { writeAudit } from '../app/models/audit.server'
import type { ActorKind } from '../app/domain/vocabularies'
import type { Database } from './schema'

type SeedActor = {
  kind: ActorKind
  name: string
  politicalGroup?: string
  roles?: string[]
  committees?: string[]
  organisation?: string
  office?: string
  country?: string
}

const ACTORS = {
  intergroup: { kind: 'intergroup', name: 'LGBTI Intergroup', organisation: 'European Parliament' },
  bjork: {
    kind: 'mep',
    name: 'Malin Björk',
    politicalGroup: 'The Left',
    roles: [
      'Vice-President of the LGBTI Intergroup',
      'Substitute in the Foreign Affairs Committee (AFET)',
    ],
    committees: ['AFET'],
    organisation: 'European Parliament',
  },
  castaldo: {
    kind: 'mep',
    name: 'Fabio Massimo Castaldo',
    politicalGroup: 'Non-attached',
    roles: [
      'Vice-President of the LGBTI Intergroup',
      'Member in the Foreign Affairs Committee (AFET)',
    ],
    committees: ['AFET'],
    organisation: 'European Parliament',
  },
  narvehed: { kind: 'press_contact', name: 'Charlotta Narvehed', office: 'Office of Malin Björk' },
  acampora: {
    kind: 'press_contact',
    name: 'Francesca Acampora',
    office: 'Office of Fabio Massimo Castaldo',
  },
  chechenAuthorities: { kind: 'authority', name: 'Chechen authorities', country: 'Russia' },
} satisfies Record<string, SeedActor>

const TITLE = 'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov'

const BODY = `Idris Arsamikov is a gay Chechen refugee who fled to the Netherlands in 2018, where he was granted refugee status, to escape the electroshock torture he was subjected to by authorities. The Russian Republic of Chechnya is known for the prosecution, arbitrary detention and torture of perceived gay men, which the European Parliament highlighted in 2019.[1]

Because Idris’ father passed away recently, he asked permission to the Dutch Immigration Service to attend his funeral in Russia; he was subsequently arrested at Moscow airport.[2] Civil society organisations have relayed to us that he was arrested on false claims.

He is currently facing a risk of death, aggravated further by a video which surfaced where he ‘confesses’ to crimes under pressure.`

const QUOTES = [
  {
    actor: 'bjork' as const,
    speakerLabel:
      'Malin Bjork MEP (Left), Vice-President of the LGBTI Intergroup and Substitute in the Foreign Affairs Committee (AFET), comments:',
    body: 'The prosecution of gay men in Chechnya is not new – it has been a policy of this Russian Republic since at least 2017. Yet the news about Idris raise alarm to the fact that they continue to be implemented today in clear violation of international human rights law. Arbitrary detention, torture – these are the rule, not the exception, in Russia’s toolbox. We call on the immediate and unconditional release of Idris so that he can return to safety.',
  },
  {
    actor: 'castaldo' as const,
    speakerLabel:
      'Fabio Massimo Castaldo MEP (Non-attached Member), Vice-President of the LGBTI Intergroup and Member in the Foreign Affairs Committee (AFET), concludes:',
    body: 'We must, as representatives of the European Union, use all tools at our disposal to protect the innocent and their rights. This is why we urge governments to use whatever diplomatic channels they may have to request the release of Idris. We will do so on our end, calling on EU institutions to raise this issue as a matter of priority. No one should be illegally detained nor put at risk because of their sexual orientation.',
  },
]

const actor = { userId: null, requestId: 'seed' }

async function insertActors(db: Kysely<Database>): Promise<Record<keyof typeof ACTORS, number>> {
  const ids = {} as Record<keyof typeof ACTORS, number>
  for (const [key, value] of Object.entries(ACTORS) as [keyof typeof ACTORS, SeedActor][]) {
    const row = await db
      .insertInto('actors')
      .values(value)
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(db, {
      actor,
      entity: 'actor',
      entityId: row.id,
      action: 'create',
      changes: [{ field: 'name', new: value.name }],
    })
    ids[key] = row.id
  }
  return ids
}

export const ARSAMIKOV_PRESS_RELEASE = {
  title: TITLE,
  async insert(
    db: Kysely<Database>,
    { caseId, sourceIds }: { caseId: number; sourceIds: number[] },
  ) {
    await db.transaction().execute(async (trx) => {
      const actors = await insertActors(trx)
      const document = await trx
        .insertInto('documents')
        .values({
          kind: 'press_release',
          title: TITLE,
          place: 'Brussels',
          documentDate: '2023-02-22',
          datePrecision: 'day',
          issuerId: actors.intergroup,
          language: 'en',
          body: BODY,
          status: 'published',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeAudit(trx, {
        actor,
        entity: 'document',
        entityId: document.id,
        action: 'create',
        caseId,
        changes: [{ field: 'title', new: TITLE }],
      })
      await trx.insertInto('documentCases').values({ documentId: document.id, caseId }).execute()
      await trx
        .insertInto('documentQuotes')
        .values(
          QUOTES.map((q, position) => ({
            documentId: document.id,
            actorId: actors[q.actor],
            speakerLabel: q.speakerLabel,
            body: q.body,
            position,
          })),
        )
        .execute()
      for (const sourceId of sourceIds) {
        await trx.insertInto('citations').values({ sourceId, documentId: document.id }).execute()
      }
      const action = await trx
        .insertInto('advocacyActions')
        .values({
          kind: 'press_release',
          title: `Press release: ${TITLE}`,
          actionDate: '2023-02-22',
          datePrecision: 'day',
          actorId: actors.intergroup,
          targetId: actors.chechenAuthorities,
          documentId: document.id,
          response: 'none',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx.insertInto('actionCases').values({ actionId: action.id, caseId }).execute()
      await writeAudit(trx, {
        actor,
        entity: 'advocacy_action',
        entityId: action.id,
        action: 'create',
        caseId,
        changes: [{ field: 'kind', new: 'press_release' }],
      })
    })
  },
}
