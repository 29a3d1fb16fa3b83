// The seeded Arsamikov case (db/seed.ts) as the statement generator receives it, and choices like
// the fixture's press release: issuer, target, the two MEPs with their quotes, the press contacts.
import {
  buildStatementFacts,
  type CaseForStatement,
  type StatementChoices,
} from '../../../app/statements/facts'
import { languagePack } from '../../../app/statements/lang'
import { renderStatementMarkdown } from '../../../app/statements/render-markdown'
import { generateStatement } from '../../../app/statements/templates'
import type { Statement, StatementActor } from '../../../app/statements/types'

export const SOURCES = {
  resolution: 101,
  moscowTimes: 102,
}

export function seededCase(overrides: Partial<CaseForStatement> = {}): CaseForStatement {
  return {
    id: 1,
    version: 6,
    fullName: 'Idris Arsamikov',
    aliases: ['Идрис Арсамиков'],
    displayName: null,
    nationality: 'Russian (Chechen Republic)',
    country: 'Russia',
    grounds: ['sexual_orientation'],
    riskLevel: 'critical',
    consent: 'unknown',
    visibility: 'public',
    caseSourceIds: [],
    sources: [
      {
        id: SOURCES.resolution,
        publisher: 'European Parliament',
        title: 'European Parliament resolution on the situation in Chechnya',
        date: { date: '2019-02-12', precision: 'day' },
        url: null,
      },
      {
        id: SOURCES.moscowTimes,
        publisher: 'The Moscow Times',
        title: 'Russia detains Gay Chechen Refugee at Moscow Airport',
        date: { date: '2023-02-16', precision: 'day' },
        url: null,
      },
    ],
    events: [
      {
        id: 11,
        eventDate: '2018-01-01',
        datePrecision: 'year',
        createdAt: '2024-01-01T10:00:00Z',
        custodyState: 'in_exile',
        legalStage: null,
        releaseReason: null,
        location: 'Netherlands',
        certainty: 'confirmed',
        description:
          'Fled Chechnya to the Netherlands, where he was granted refugee status, to escape the electroshock torture ' +
          'he was subjected to by authorities. Chechnya is known for the prosecution, arbitrary detention and torture ' +
          'of perceived gay men, which the European Parliament highlighted in 2019.',
        sourceIds: [SOURCES.resolution],
      },
      {
        id: 12,
        eventDate: '2023-01-01',
        datePrecision: 'year',
        createdAt: '2024-01-01T10:00:01Z',
        custodyState: null,
        legalStage: null,
        releaseReason: null,
        location: null,
        certainty: 'confirmed',
        description:
          'His father died. He asked the Dutch Immigration Service for permission to attend the funeral in Russia.',
        sourceIds: [SOURCES.moscowTimes],
      },
      {
        id: 13,
        eventDate: '2023-02-01',
        datePrecision: 'month',
        createdAt: '2024-01-01T10:00:02Z',
        custodyState: 'detained',
        legalStage: null,
        releaseReason: null,
        location: 'Moscow airport, Russia',
        certainty: 'confirmed',
        description:
          'Arrested at Moscow airport on arrival for the funeral. Civil society organisations say he was arrested on false claims.',
        sourceIds: [SOURCES.moscowTimes],
      },
      {
        id: 14,
        eventDate: '2023-02-01',
        datePrecision: 'month',
        createdAt: '2024-01-01T10:00:03Z',
        custodyState: null,
        legalStage: null,
        releaseReason: null,
        location: null,
        certainty: 'alleged',
        description:
          'A video surfaced in which he "confesses" to crimes, reportedly under pressure.',
        sourceIds: [],
      },
      {
        id: 15,
        eventDate: '2023-02-22',
        datePrecision: 'day',
        createdAt: '2024-01-01T10:00:04Z',
        custodyState: null,
        legalStage: null,
        releaseReason: null,
        location: null,
        certainty: 'alleged',
        description:
          'According to the LGBTI Intergroup, he faces a risk of death, aggravated by the "confession" video.',
        sourceIds: [],
      },
    ],
    ...overrides,
  }
}

function actor(fields: Partial<StatementActor> & Pick<StatementActor, 'id' | 'name' | 'kind'>) {
  return {
    politicalGroup: null,
    roles: [],
    organisation: null,
    office: null,
    email: null,
    phone: null,
    country: null,
    ...fields,
  }
}

export const ACTORS = {
  intergroup: actor({
    id: 1,
    kind: 'intergroup',
    name: 'LGBTI Intergroup',
    organisation: 'European Parliament',
  }),
  bjork: actor({
    id: 2,
    kind: 'mep',
    name: 'Malin Björk',
    politicalGroup: 'The Left',
    roles: [
      'Vice-President of the LGBTI Intergroup',
      'Substitute in the Foreign Affairs Committee (AFET)',
    ],
    organisation: 'European Parliament',
  }),
  castaldo: actor({
    id: 3,
    kind: 'mep',
    name: 'Fabio Massimo Castaldo',
    politicalGroup: 'Non-attached',
    roles: [
      'Vice-President of the LGBTI Intergroup',
      'Member in the Foreign Affairs Committee (AFET)',
    ],
    organisation: 'European Parliament',
  }),
  narvehed: actor({
    id: 4,
    kind: 'press_contact',
    name: 'Charlotta Narvehed',
    office: 'Office of Malin Björk',
  }),
  acampora: actor({
    id: 5,
    kind: 'press_contact',
    name: 'Francesca Acampora',
    office: 'Office of Fabio Massimo Castaldo',
  }),
  chechenAuthorities: actor({
    id: 6,
    kind: 'authority',
    name: 'Chechen authorities',
    country: 'Russia',
  }),
}

export const BJORK_QUOTE =
  'The prosecution of gay men in Chechnya is not new – it has been a policy of this Russian Republic since at least 2017. We call on the immediate and unconditional release of Idris so that he can return to safety.'
export const CASTALDO_QUOTE =
  'We must, as representatives of the European Union, use all tools at our disposal to protect the innocent and their rights. We will do so on our end, calling on EU institutions to raise this issue as a matter of priority.'

export function fixtureChoices(overrides: Partial<StatementChoices> = {}): StatementChoices {
  return {
    template: 'press_release',
    language: 'en',
    issuer: ACTORS.intergroup,
    target: ACTORS.chechenAuthorities,
    meps: [
      { actor: ACTORS.bjork, quote: BJORK_QUOTE },
      { actor: ACTORS.castaldo, quote: CASTALDO_QUOTE },
    ],
    contacts: [ACTORS.narvehed, ACTORS.acampora],
    place: 'Brussels',
    date: '2023-02-22',
    questionAddressee: 'vp_hr',
    link: null,
    ...overrides,
  }
}

export const TODAY = '2025-01-15'

/** Builds the facts and runs a template: the statement, its Markdown, or the refusal message. */
export function generate(
  caseOverrides: Partial<CaseForStatement> = {},
  choiceOverrides: Partial<StatementChoices> = {},
  today = TODAY,
) {
  const choices = fixtureChoices(choiceOverrides)
  const facts = buildStatementFacts(seededCase(caseOverrides), choices, today)
  if (!facts.ok) return { ok: false as const, message: facts.message }
  const result = generateStatement(
    choices.template,
    languagePack(choices.language),
    facts.facts,
    facts.notices,
  )
  if (!result.ok) return { ok: false as const, message: result.message }
  return {
    ok: true as const,
    statement: result.statement,
    markdown: renderStatementMarkdown(result.statement),
  }
}

/** Like generate(), but fails the test with the refusal message when there is no statement. */
export function generateOk(...args: Parameters<typeof generate>) {
  const result = generate(...args)
  if (!result.ok) throw new Error(`expected a statement, got: ${result.message}`)
  return result
}

/** Every sentence the generator wrote (not the quotes the user typed). */
export function generatedSentences(statement: Statement): string[] {
  return statement.blocks.flatMap((block) =>
    block.type === 'paragraph'
      ? block.sentences.filter((s) => !s.typed).map((s) => s.text)
      : block.type === 'questions'
        ? block.items.map((s) => s.text)
        : [],
  )
}
