// French. Dates "22 février 2023" ("1er mars"), numbers "1 365" (narrow no-break space), quotation
// marks « » and no-break spaces before : ; ! ?. See fr-phrases.ts for how facts are worded.
import { monthNames } from '~/domain/dates'
import { DEPRIVED_OF_LIBERTY, type RiskLevel } from '~/domain/vocabularies'
import type { StatementActor } from '../types'
import { capitalise, joinList } from '../text-checks'
import { NARROW_NBSP, NBSP, formatWithMonths, groupDigits, pairQuotes } from './format'
import { SITUATION, STAGE_NOW, datePhraseFr, de, que, eventSentenceFr, selon } from './fr-phrases'
import type { CallArgs, LanguagePack, SituationArgs } from './types'

const MONTHS = monthNames('fr')

const formatDate: LanguagePack['formatDate'] = (date) =>
  formatWithMonths(date, MONTHS, (day) => (day === 1 ? '1er' : String(day)))
const formatNumber = (value: number) => groupDigits(value, NARROW_NBSP)
const guillemets = (text: string) => `«${NARROW_NBSP}${text}${NARROW_NBSP}»`

function polish(text: string): string {
  return pairQuotes(text, `«${NARROW_NBSP}`, `${NARROW_NBSP}»`)
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '’')
    .replace(/ :/g, `${NBSP}:`)
    .replace(/ ([;!?])/g, `${NARROW_NBSP}$1`)
}

function situation({ name, custodyState, detention, stateDate, ...attribution }: SituationArgs) {
  const reported = attribution.reported
  const prefix = reported ? `${selon(attribution)}, ` : ''
  const when = stateDate ? ` ${datePhraseFr(stateDate, formatDate(stateDate))}` : ''
  if (custodyState === 'deceased')
    return `${prefix}${reported ? 'le' : 'Le'} décès ${de(name)} ${reported ? 'serait survenu' : 'est survenu'}${when}.`
  if (custodyState === 'unknown')
    return `${prefix}${reported ? 'la' : 'La'} situation actuelle ${de(name)} ${reported ? 'serait' : 'est'} inconnue.`
  const verb = SITUATION[custodyState][reported ? 1 : 0]
  let tail = ''
  if (DEPRIVED_OF_LIBERTY.includes(custodyState) && detention) {
    const since = ` depuis ${formatDate(detention.since)}`
    tail =
      detention.days >= 1
        ? `${since}, soit depuis ${detention.atLeast ? 'au moins ' : ''}${formatNumber(detention.days)} ${detention.days === 1 ? 'jour' : 'jours'}`
        : since
  } else if (custodyState === 'released') tail = when
  return `${prefix}${name} ${verb}${tail}.`
}

const RISK: Record<RiskLevel, string> = {
  low: 'faible',
  medium: 'modéré',
  high: 'élevé',
  critical: 'critique',
}

const GROUNDS: Record<string, string> = {
  sexual_orientation: 'l’orientation sexuelle',
  gender_identity: 'l’identité de genre',
  journalism: 'l’activité journalistique',
  activism: 'le militantisme',
  religion: 'la religion',
  political_opinion: 'les opinions politiques',
  ethnicity: 'l’origine ethnique',
  human_rights_defence: 'la défense des droits humains',
}

function call({ name, target, deprived, voice }: CallArgs) {
  const [appeal, ask] =
    voice === 'i' ? ['J’appelle', 'Je demande'] : ['Nous appelons', 'Nous demandons']
  if (deprived)
    return target
      ? `${appeal} ${target.name} à libérer immédiatement et sans condition ${name}.`
      : `${ask} la libération immédiate et sans condition ${de(name)}.`
  return target
    ? `${appeal} ${target.name} à garantir la sécurité ${de(name)}.`
    : `${ask} que la sécurité ${de(name)} soit garantie.`
}

function mepLabel(actor: StatementActor) {
  const group = actor.politicalGroup ? ` (${actor.politicalGroup})` : ''
  const roles = actor.roles.length > 0 ? `, ${joinList(actor.roles, 'et')}` : ''
  return `${actor.name}, membre du Parlement européen${group}${roles}`
}

function contactLine(contact: StatementActor) {
  const details = [contact.email, contact.phone].filter(Boolean).join(', ')
  return `${contact.office ? `${contact.office} – ` : ''}${contact.name}${details ? ` (${details})` : ''}`
}

const addressees = { commission: 'la Commission', vp_hr: 'la VP/HR' }
const withAuthority = (target: StatementActor | null) =>
  target ? de(target.name) : 'des autorités concernées'

export const fr: LanguagePack = {
  code: 'fr',
  label: 'Français',
  englishName: 'French',
  usesRecordedDescriptions: false,
  formatDate,
  formatNumber,
  quote: guillemets,
  polish,
  dateline: (place, date) => `${place}, le ${formatDate(date)}`,
  footnote: (s) =>
    `${s.publisher ? `${polish(s.publisher)}, ` : ''}${guillemets(polish(s.title))}${s.date ? ` (${formatDate(s.date)})` : ''}${s.url ? `, ${s.url}` : ''}`,
  footnotesHeading: 'Notes',
  listAnd: 'et',
  eventSentence: (event, name, attribution) =>
    eventSentenceFr(event, name, attribution, formatDate(event.date)),
  upcomingSentence: (event) =>
    `La prochaine échéance connue dans cette affaire est prévue ${datePhraseFr(event.date, formatDate(event.date))}.`,
  situation,
  legalStage: (name, stage, attribution) =>
    attribution.reported
      ? `${selon(attribution)}, ${STAGE_NOW[stage][1](name)}`
      : STAGE_NOW[stage][0](name),
  nationality: (name, nationality) => `${name} est de nationalité ${nationality}.`,
  grounds: (_name, grounds) =>
    `Cette affaire concerne des persécutions fondées sur ${joinList(grounds, 'et')}.`,
  groundLabel: (ground) => GROUNDS[ground] ?? ground,
  risk: (name, level) => `Nous estimons que le risque encouru par ${name} est ${RISK[level]}.`,
  call,
  careRequest: (name) =>
    `Dans l’intervalle, ${name} doit avoir accès à des avocats de son choix, à sa famille et à des soins médicaux adéquats.`,
  mepLabel,

  pressRelease: {
    kicker: 'Communiqué de presse',
    headline: ({ name, issuer, target, custodyState }) => {
      const by = issuer?.name
      if (custodyState && DEPRIVED_OF_LIBERTY.includes(custodyState)) {
        if (by)
          return target
            ? `${by} appelle ${target.name} à libérer ${name}`
            : `${by} appelle à la libération ${de(name)}`
        return target
          ? `Appel à ${target.name} pour la libération ${de(name)}`
          : `Appel à la libération ${de(name)}`
      }
      if (custodyState === 'released')
        return by ? `${by} salue la libération ${de(name)}` : `Libération ${de(name)}`
      if (custodyState === 'deceased')
        return `${by ? `${by} demande` : 'Appel à faire'} toute la lumière sur la mort ${de(name)}`
      if (by)
        return target
          ? `${by} appelle ${target.name} à garantir la sécurité ${de(name)}`
          : `${by} appelle à garantir la sécurité ${de(name)}`
      return `Appel à garantir la sécurité ${de(name)}`
    },
    speaker: (mep, last) => `${mepLabel(mep)}, ${last ? 'conclut' : 'déclare'} :`,
    contactsHeading: 'Contacts presse :',
    contactLine,
  },
  mepStatement: {
    headline: (mep, name) =>
      `Déclaration ${de(mep.name)}, membre du Parlement européen, sur la situation ${de(name)}`,
    concern: (name) => `La situation ${de(name)} me préoccupe profondément.`,
  },
  letter: {
    subject: (name) => `Objet : ${name}`,
    salutation: 'Madame, Monsieur,',
    opening: (name) => `Nous vous écrivons au sujet ${de(name)}.`,
    request: ({ name, deprived }) =>
      deprived
        ? `Nous vous demandons respectueusement de libérer immédiatement et sans condition ${name} et, dans l’intervalle, de lui garantir l’accès à des avocats de son choix, à sa famille et à des soins médicaux adéquats.`
        : `Nous vous demandons respectueusement de garantir la sécurité et les droits ${de(name)}.`,
    closing: 'Veuillez agréer, Madame, Monsieur, l’expression de notre haute considération.',
  },
  question: {
    addressedTo: (addressee) =>
      addressee === 'commission'
        ? 'Question avec demande de réponse écrite à la Commission'
        : 'Question avec demande de réponse écrite à la vice-présidente de la Commission / haute représentante de l’Union pour les affaires étrangères et la politique de sécurité',
    authors: (meps) =>
      meps.map((m) => `${m.name}${m.politicalGroup ? ` (${m.politicalGroup})` : ''}`).join(', '),
    subject: (name, deprived) => `Objet : ${deprived ? 'Détention' : 'Situation'} ${de(name)}`,
    questions: ({ name, target, deprived, addressee }) => {
      const who = addressees[addressee]
      return deprived
        ? [
            `Quelles mesures ${who} compte-t-elle prendre pour obtenir la libération immédiate et sans condition ${de(name)} ?`,
            `${capitalise(who)} entend-elle soulever ce cas auprès ${withAuthority(target)} et demander ${que(name)} ait accès à des avocats, à sa famille et à des soins médicaux ?`,
          ]
        : [
            `Quelles mesures ${who} compte-t-elle prendre pour contribuer à garantir la sécurité ${de(name)} ?`,
            `${capitalise(who)} entend-elle soulever ce cas auprès ${withAuthority(target)} ?`,
          ]
    },
  },
  social: {
    headline: (name) => `Publication pour les réseaux sociaux : ${name}`,
    situation,
    call: ({ name, target, deprived }) =>
      deprived
        ? target
          ? `Nous appelons ${target.name} à libérer ${name}.`
          : `Nous demandons la libération ${de(name)}.`
        : `Nous demandons que la sécurité ${de(name)} soit garantie.`,
    sourcesHeading: 'Sources (hors publication)',
  },
}
