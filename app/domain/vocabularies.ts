// Every controlled vocabulary of the product, defined once. The migrations copy these values into
// CHECK constraints (migrations are frozen in time); tests/db/vocabularies.test.ts keeps the two in step.

export const ROLES = ['admin', 'editor', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const VISIBILITIES = ['public', 'internal', 'restricted'] as const
export type Visibility = (typeof VISIBILITIES)[number]

export const CONSENTS = ['given', 'refused', 'unknown'] as const
export type Consent = (typeof CONSENTS)[number]

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const
export type DatePrecision = (typeof DATE_PRECISIONS)[number]

export const CUSTODY_STATES = [
  'at_risk',
  'in_exile',
  'detained',
  'pretrial_detention',
  'house_arrest',
  'imprisoned',
  'disappeared',
  'released',
  'deceased',
  'unknown',
] as const
export type CustodyState = (typeof CUSTODY_STATES)[number]

/** Custody states that deprive a person of liberty: they count as days in detention. */
export const DEPRIVED_OF_LIBERTY: readonly CustodyState[] = [
  'detained',
  'pretrial_detention',
  'house_arrest',
  'imprisoned',
  'disappeared',
]

export const LEGAL_STAGES = [
  'not_charged',
  'under_investigation',
  'charged',
  'on_trial',
  'sentenced',
  'on_appeal',
  'acquitted',
  'charges_dropped',
] as const
export type LegalStage = (typeof LEGAL_STAGES)[number]

export const RELEASE_REASONS = [
  'sentence_served',
  'acquitted',
  'charges_dropped',
  'pardon_or_amnesty',
  'bail',
  'exchange',
  'other',
] as const
export type ReleaseReason = (typeof RELEASE_REASONS)[number]

export const CERTAINTIES = ['confirmed', 'alleged'] as const
export type Certainty = (typeof CERTAINTIES)[number]

export const GROUNDS = [
  'sexual_orientation',
  'gender_identity',
  'journalism',
  'activism',
  'religion',
  'political_opinion',
  'ethnicity',
  'human_rights_defence',
  'other',
] as const
export type Ground = (typeof GROUNDS)[number]

export const ACTOR_KINDS = [
  'mep',
  'intergroup',
  'organisation',
  'government',
  'authority',
  'institution',
  'press_contact',
  'person',
] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

export const DOCUMENT_KINDS = [
  'press_release',
  'statement',
  'joint_statement',
  'letter',
  'resolution',
  'parliamentary_question',
  'article',
  'other',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const DOCUMENT_STATUSES = ['draft', 'published'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

export const SOURCE_KINDS = ['news', 'official', 'ngo_report', 'testimony', 'social_media'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const RELIABILITIES = ['high', 'medium', 'low', 'unverified'] as const
export type Reliability = (typeof RELIABILITIES)[number]

export const ACTION_KINDS = [
  'press_release',
  'joint_statement',
  'letter_to_authorities',
  'urgent_appeal',
  'parliamentary_question',
  'plenary_speech',
  'urgency_resolution',
  'diplomatic_demarche',
  'meeting',
  'un_submission',
  'media_or_oped',
  'social_campaign',
  'legal_aid',
  'trial_monitoring',
  'other',
] as const
export type ActionKind = (typeof ACTION_KINDS)[number]

export const ACTION_RESPONSES = [
  'none',
  'acknowledged',
  'denied',
  'commitment',
  'action_taken',
] as const
export type ActionResponse = (typeof ACTION_RESPONSES)[number]

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'grant',
  'revoke',
  'merge',
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'password_change',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Human labels for vocabulary values: `sexual_orientation` -> "Sexual orientation". */
const LABEL_OVERRIDES: Record<string, string> = {
  at_risk: 'At risk',
  in_exile: 'In exile',
  pretrial_detention: 'Pre-trial detention',
  ngo_report: 'NGO report',
  un_submission: 'UN submission',
  media_or_oped: 'Media or op-ed',
  mep: 'MEP',
  pardon_or_amnesty: 'Pardon or amnesty',
}

export function labelOf(value: string | null | undefined): string {
  if (!value) return '—'
  const override = LABEL_OVERRIDES[value]
  if (override) return override
  const words = value.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
}
