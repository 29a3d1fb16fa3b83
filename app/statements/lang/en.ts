// English. Dates "22 February 2023", numbers "1,365", quotation marks “ ”.
import { monthNames } from '~/domain/dates'
import type { CustodyState, LegalStage, RiskLevel } from '~/domain/vocabularies'
import type { StatementActor } from '../types'
import { joinList } from '../text-checks'
import { datePhraseEn, eventSentenceEn, hedgeEn } from './en-events'
import { formatWithMonths, groupDigits, pairQuotes } from './format'
import type { Attribution, CallArgs, LanguagePack, SituationArgs } from './types'

const MONTHS = monthNames('en')

const formatDate: LanguagePack['formatDate'] = (date) => formatWithMonths(date, MONTHS)
const formatNumber = (value: number) => groupDigits(value, ',')
const hedged = (attribution: Attribution, sentence: string) =>
  attribution.reported ? `${hedgeEn(attribution)}${sentence}` : sentence

const DEPRIVED_PHRASE: Partial<Record<CustodyState, string>> = {
  detained: 'has been in detention',
  pretrial_detention: 'has been in pre-trial detention',
  house_arrest: 'has been under house arrest',
  imprisoned: 'has been in prison',
  disappeared: 'has been missing',
}

function situation({
  name,
  custodyState,
  country,
  detention,
  stateDate,
  ...attribution
}: SituationArgs) {
  const deprived = DEPRIVED_PHRASE[custodyState]
  const phrase = stateDate ? datePhraseEn(stateDate, formatDate(stateDate)) : ''
  const when = phrase ? ` ${phrase.charAt(0).toLowerCase()}${phrase.slice(1)}` : ''
  let sentence: string
  if (deprived) {
    const place = country && custodyState !== 'disappeared' ? ` in ${country}` : ''
    const count =
      detention && detention.days >= 1
        ? ` for ${detention.atLeast ? 'at least ' : ''}${formatNumber(detention.days)} ${detention.days === 1 ? 'day' : 'days'} (since ${formatDate(detention.since)})`
        : detention
          ? ` since ${formatDate(detention.since)}`
          : ''
    sentence = `${name} ${deprived}${place}${count}.`
  } else if (custodyState === 'released') sentence = `${name} was released${when}.`
  else if (custodyState === 'deceased') sentence = `${name} died${when}.`
  else if (custodyState === 'in_exile') sentence = `${name} lives in exile.`
  else if (custodyState === 'at_risk') sentence = `${name} is at risk.`
  else sentence = `The current situation of ${name} is unknown.`
  return hedged(attribution, sentence)
}

const STAGE: Record<LegalStage, (name: string) => string> = {
  not_charged: (n) => `${n} has not been charged.`,
  under_investigation: (n) => `${n} is under investigation.`,
  charged: (n) => `${n} has been charged.`,
  on_trial: (n) => `${n} is on trial.`,
  sentenced: (n) => `${n} has been sentenced.`,
  on_appeal: (n) => `The verdict against ${n} is under appeal.`,
  acquitted: (n) => `${n} has been acquitted.`,
  charges_dropped: (n) => `The charges against ${n} have been dropped.`,
}

const RISK: Record<RiskLevel, string> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
}

const GROUNDS: Record<string, string> = {
  sexual_orientation: 'sexual orientation',
  gender_identity: 'gender identity',
  journalism: 'journalism',
  activism: 'activism',
  religion: 'religion',
  political_opinion: 'political opinion',
  ethnicity: 'ethnicity',
  human_rights_defence: 'human rights work',
}

function call({ name, target, deprived, voice }: CallArgs) {
  const we = voice === 'i' ? 'I' : 'We'
  if (deprived)
    return target
      ? `${we} call on ${target.name} to release ${name} immediately and unconditionally.`
      : `${we} call for the immediate and unconditional release of ${name}.`
  return target
    ? `${we} call on ${target.name} to guarantee the safety of ${name}.`
    : `${we} call for the safety of ${name} to be guaranteed.`
}

function mepLabel(actor: StatementActor) {
  const group = actor.politicalGroup ? ` (${actor.politicalGroup})` : ''
  const roles = actor.roles.length > 0 ? `, ${joinList(actor.roles, 'and')}` : ''
  return `${actor.name} MEP${group}${roles}`
}

function contactLine(contact: StatementActor) {
  const details = [contact.email, contact.phone].filter(Boolean).join(', ')
  return `${contact.office ? `${contact.office} – ` : ''}${contact.name}${details ? ` (${details})` : ''}`
}

const addressees = {
  commission: 'the Commission',
  vp_hr: 'the VP/HR',
}

export const en: LanguagePack = {
  code: 'en',
  label: 'English',
  englishName: 'English',
  usesRecordedDescriptions: true,
  formatDate,
  formatNumber,
  quote: (text) => `“${text}”`,
  polish: (text) => pairQuotes(text, '“', '”').replace(/(?<=\p{L})'(?=\p{L})/gu, '’'),
  dateline: (place, date) => `${place}, ${formatDate(date)}`,
  footnote: (s) =>
    `${s.publisher ? `${s.publisher}, ` : ''}“${s.title}”${s.date ? ` (${formatDate(s.date)})` : ''}${s.url ? `, ${s.url}` : ''}`,
  footnotesHeading: 'Notes',
  listAnd: 'and',
  eventSentence: (event, name, attribution) =>
    eventSentenceEn(event, name, attribution, formatDate(event.date)),
  upcomingSentence: (event) =>
    `The next scheduled date in the case is ${formatDate(event.date)}${event.sentences[0] ? ` (${event.sentences[0].replace(/[.!?]$/, '')})` : ''}.`,
  situation,
  legalStage: (name, stage, attribution) => hedged(attribution, STAGE[stage](name)),
  nationality: (name, nationality) => `${name} holds ${nationality} nationality.`,
  grounds: (_name, grounds) =>
    `The case concerns persecution on the grounds of ${joinList(grounds, 'and')}.`,
  groundLabel: (ground) => GROUNDS[ground] ?? ground,
  risk: (name, level) => `We assess the risk to ${name} as ${RISK[level]}.`,
  call,
  careRequest: (name) =>
    `Until then, ${name} must have access to lawyers of their choice, to their family and to adequate medical care.`,
  mepLabel,

  pressRelease: {
    kicker: 'Press release',
    headline: ({ name, issuer, target, custodyState }) => {
      const by = issuer ? `${issuer.name} ` : ''
      const verb = (v: string) => (issuer ? `${v}s` : capitalise(v))
      if (custodyState && DEPRIVED_PHRASE[custodyState])
        return target
          ? `${by}${verb('call')} on ${target.name} to release ${name}`
          : `${by}${verb('call')} for the release of ${name}`
      if (custodyState === 'released') return `${by}${verb('welcome')} the release of ${name}`
      if (custodyState === 'deceased')
        return `${by}${verb('call')} for accountability for the death of ${name}`
      return target
        ? `${by}${verb('call')} on ${target.name} to guarantee the safety of ${name}`
        : `${by}${verb('call')} for the safety of ${name}`
    },
    speaker: (mep, last) => `${mepLabel(mep)}, ${last ? 'concludes' : 'comments'}:`,
    contactsHeading: 'Press contacts:',
    contactLine,
  },
  mepStatement: {
    headline: (mep, name) => `Statement by ${mep.name} MEP on ${name}`,
    concern: (name) => `I am deeply concerned about the situation of ${name}.`,
  },
  letter: {
    subject: (name) => `Concerning: ${name}`,
    salutation: 'Dear Sir or Madam,',
    opening: (name) => `We are writing to you about ${name}.`,
    request: ({ name, deprived }) =>
      deprived
        ? `We respectfully urge you to release ${name} immediately and unconditionally and, until then, to guarantee ${name} access to lawyers of their choice, to their family and to adequate medical care.`
        : `We respectfully urge you to guarantee the safety and the rights of ${name}.`,
    closing: 'Yours faithfully,',
  },
  question: {
    addressedTo: (addressee) =>
      addressee === 'commission'
        ? 'Question for written answer to the Commission'
        : 'Question for written answer to the Vice-President of the Commission / High Representative of the Union for Foreign Affairs and Security Policy',
    authors: (meps) =>
      meps.map((m) => `${m.name}${m.politicalGroup ? ` (${m.politicalGroup})` : ''}`).join(', '),
    subject: (name, deprived) => `Subject: ${deprived ? 'Detention' : 'Situation'} of ${name}`,
    questions: ({ name, target, deprived, addressee }) => {
      const who = addressees[addressee]
      const authority = target ? target.name : 'the authorities concerned'
      return deprived
        ? [
            `What steps will ${who} take to call for the immediate and unconditional release of ${name}?`,
            `Will ${who} raise the case with ${authority} and ask that ${name} have access to lawyers, family and medical care?`,
          ]
        : [
            `What steps will ${who} take to help guarantee the safety of ${name}?`,
            `Will ${who} raise the case with ${authority}?`,
          ]
    },
  },
  social: {
    headline: (name) => `Social media post about ${name}`,
    situation,
    call: ({ name, target, deprived }) =>
      deprived
        ? target
          ? `We call on ${target.name} to release ${name}.`
          : `We call for the release of ${name}.`
        : `We call for the safety of ${name}.`,
    sourcesHeading: 'Sources (not part of the post)',
  },
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
