// French phrasing of facts. Built so that nothing agrees with the person's gender (the case has no
// such field): nouns ("le début de la détention de …") and verbs with avoir or être + noun
// ("serait en détention"). Alleged facts use "selon …" and the conditional ("aurait eu lieu").
import type { PartialDate } from '~/domain/dates'
import type { CustodyState, LegalStage, ReleaseReason } from '~/domain/vocabularies'
import type { FactEvent } from '../types'
import { capitalise, joinList } from '../text-checks'
import type { Attribution } from './types'

/** "de Malin" / "d'Idris": French elides "de" before a vowel. */
export function de(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name) ? `d’${name}` : `de ${name}`
}

/** "que Malin" / "qu’Idris". */
export function que(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüœæ]/i.test(name) ? `qu’${name}` : `que ${name}`
}

/** "en 2018", "en février 2023", "le 22 février 2023". */
export function datePhraseFr(date: PartialDate, formatted: string): string {
  return date.precision === 'day' ? `le ${formatted}` : `en ${formatted}`
}

export function selon({ reportedBy }: Attribution): string {
  return reportedBy.length > 0
    ? `Selon ${joinList(reportedBy, 'et')}`
    : 'Selon des informations non confirmées'
}

const RELEASE_REASON: Record<ReleaseReason, string> = {
  sentence_served: ' à l’issue de la peine',
  acquitted: ' à la suite d’un acquittement',
  charges_dropped: ' après l’abandon des poursuites',
  pardon_or_amnesty: ' à la suite d’une grâce ou d’une amnistie',
  bail: ' sous caution',
  exchange: ' dans le cadre d’un échange',
  other: '',
}

const CUSTODY_NOUN: Record<CustodyState, ((name: string) => string) | null> = {
  detained: (n) => `le début de la détention ${de(n)}`,
  pretrial_detention: (n) => `le placement en détention provisoire ${de(n)}`,
  house_arrest: (n) => `l’assignation à résidence ${de(n)}`,
  imprisoned: (n) => `l’incarcération ${de(n)}`,
  disappeared: (n) => `la disparition ${de(n)}`,
  released: (n) => `la remise en liberté ${de(n)}`,
  deceased: (n) => `le décès ${de(n)}`,
  at_risk: (n) => `l’apparition d’une menace pesant sur ${n}`,
  in_exile: (n) => `le départ en exil ${de(n)}`,
  unknown: null,
}

const STAGE_NOUN: Record<LegalStage, (name: string) => string> = {
  not_charged: (n) => `la confirmation qu’aucune charge n’était retenue contre ${n}`,
  under_investigation: (n) => `l’ouverture d’une enquête visant ${n}`,
  charged: (n) => `l’ouverture de poursuites pénales contre ${n}`,
  on_trial: (n) => `l’ouverture du procès ${de(n)}`,
  sentenced: (n) => `la condamnation ${de(n)}`,
  on_appeal: (n) => `l’ouverture d’une procédure d’appel dans l’affaire ${de(n)}`,
  acquitted: (n) => `l’acquittement ${de(n)}`,
  charges_dropped: (n) => `l’abandon des poursuites contre ${n}`,
}

/**
 * "En 2018 a eu lieu le départ en exil d’Idris Arsamikov (lieu : Netherlands)." Descriptions are
 * recorded in English, so French states only the event's fields; null when it has none to state.
 */
export function eventSentenceFr(
  event: FactEvent,
  name: string,
  attribution: Attribution,
  formattedDate: string,
): string | null {
  const custody = event.custodyState ? CUSTODY_NOUN[event.custodyState] : null
  const nouns = [
    custody
      ? `${custody(name)}${event.custodyState === 'released' && event.releaseReason ? RELEASE_REASON[event.releaseReason] : ''}`
      : null,
    event.legalStage ? STAGE_NOUN[event.legalStage](name) : null,
  ].filter((noun): noun is string => Boolean(noun))
  if (nouns.length === 0) return null
  const when = datePhraseFr(event.date, formattedDate)
  const place = event.location ? ` (lieu : ${event.location})` : ''
  const plural = nouns.length > 1
  if (attribution.reported)
    return `${selon(attribution)}, ${when} ${plural ? 'auraient' : 'aurait'} eu lieu ${joinList(nouns, 'et')}${place}.`
  return `${capitalise(when)} ${plural ? 'ont' : 'a'} eu lieu ${joinList(nouns, 'et')}${place}.`
}

/** Present situation: [confirmed, reported] forms, with no gender agreement. */
export const SITUATION: Record<CustodyState, [string, string]> = {
  detained: ['est en détention', 'serait en détention'],
  pretrial_detention: ['est en détention provisoire', 'serait en détention provisoire'],
  house_arrest: ['est en résidence surveillée', 'serait en résidence surveillée'],
  imprisoned: ['est en prison', 'serait en prison'],
  disappeared: ['reste introuvable', 'resterait introuvable'],
  released: ['a retrouvé la liberté', 'aurait retrouvé la liberté'],
  deceased: ['', ''],
  at_risk: ['est en danger', 'serait en danger'],
  in_exile: ['vit en exil', 'vivrait en exil'],
  unknown: ['', ''],
}

export const STAGE_NOW: Record<LegalStage, [(n: string) => string, (n: string) => string]> = {
  not_charged: [
    (n) => `Aucune charge n’a été retenue contre ${n}.`,
    (n) => `aucune charge n’aurait été retenue contre ${n}.`,
  ],
  under_investigation: [
    (n) => `${n} fait l’objet d’une enquête.`,
    (n) => `${n} ferait l’objet d’une enquête.`,
  ],
  charged: [
    (n) => `${n} fait l’objet de poursuites pénales.`,
    (n) => `${n} ferait l’objet de poursuites pénales.`,
  ],
  on_trial: [
    (n) => `Le procès ${de(n)} est en cours.`,
    (n) => `le procès ${de(n)} serait en cours.`,
  ],
  sentenced: [
    (n) => `${n} a fait l’objet d’une condamnation.`,
    (n) => `${n} aurait fait l’objet d’une condamnation.`,
  ],
  on_appeal: [
    (n) => `Une procédure d’appel est en cours dans l’affaire ${de(n)}.`,
    (n) => `une procédure d’appel serait en cours dans l’affaire ${de(n)}.`,
  ],
  acquitted: [
    (n) => `${n} a bénéficié d’un acquittement.`,
    (n) => `${n} aurait bénéficié d’un acquittement.`,
  ],
  charges_dropped: [
    (n) => `Les poursuites contre ${n} ont été abandonnées.`,
    (n) => `les poursuites contre ${n} auraient été abandonnées.`,
  ],
}
