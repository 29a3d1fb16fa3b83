// Over 300 lines: one Database interface, one table interface a table, as Kysely reads it; splitting it would only scatter the schema.
// The Database interface Kysely checks every query against. camelCase here; snake_case in SQL
// (CamelCasePlugin). `date` columns come back as 'YYYY-MM-DD' strings (see app/utils/db.server.ts).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Gender } from '../app/domain/person'
import type {
  ActionKind,
  ActionResponse,
  ActorKind,
  AuditAction,
  Certainty,
  Consent,
  CustodyState,
  DatePrecision,
  DocumentKind,
  DocumentStatus,
  Ground,
  LegalStage,
  Reliability,
  ReleaseReason,
  RiskLevel,
  Role,
  SourceKind,
  Visibility,
} from '../app/domain/vocabularies'
import type { CaseFollowsTable, CaseVisitsTable, DigestSettingsTable } from './schema-follows'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedTimestamp = ColumnType<Date, Date | string | undefined, never>

/** Columns every editable table carries. */
type Editable = {
  createdAt: CreatedTimestamp
  updatedAt: Timestamp
  createdBy: number | null
  updatedBy: number | null
  version: Generated<number>
}

export type UsersTable = {
  id: Generated<number>
  email: string
  name: string
  role: Role
  passwordHash: string
  disabledAt: Date | null
} & Editable

export type SessionsTable = {
  idHash: string
  userId: number
  createdAt: CreatedTimestamp
  lastSeenAt: Timestamp
  expiresAt: Date
}

export type CasesTable = {
  id: Generated<number>
  slug: string
  fullName: string
  aliases: Generated<string[]>
  displayName: string | null
  country: string | null
  region: string | null
  nationality: string | null
  grounds: Generated<Ground[]>
  riskLevel: Generated<RiskLevel>
  summary: Generated<string>
  internalNotes: Generated<string>
  visibility: Generated<Visibility>
  consent: Generated<Consent>
  ownerId: number | null
  currentCustodyState: CustodyState | null
  currentLegalStage: LegalStage | null
  detainedSince: string | null
  detainedSincePrecision: DatePrecision | null
  nextEventDate: string | null
  lastActivityAt: ColumnType<Date, Date | string | undefined, Date | string>
  searchText: Generated<string>
  searchVector: ColumnType<string, never, never>
  gender: Generated<Gender>
  dateOfBirth: string | null
  dateOfBirthPrecision: DatePrecision | null
  nameSearchText: Generated<string>
} & Editable

export type CaseAccessTable = {
  caseId: number
  userId: number
  grantedBy: number | null
  createdAt: CreatedTimestamp
}

export type StatusEventsTable = {
  id: Generated<number>
  caseId: number
  eventDate: string
  datePrecision: DatePrecision
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  location: string | null
  description: Generated<string>
  certainty: Generated<Certainty>
} & Editable

export type ActorsTable = {
  id: Generated<number>
  kind: ActorKind
  name: string
  politicalGroup: string | null
  roles: Generated<string[]>
  committees: Generated<string[]>
  organisation: string | null
  office: string | null
  email: string | null
  phone: string | null
  country: string | null
  notes: Generated<string>
} & Editable

export type DocumentsTable = {
  id: Generated<number>
  kind: DocumentKind
  title: string
  place: string | null
  documentDate: string | null
  datePrecision: DatePrecision | null
  issuerId: number | null
  language: Generated<string>
  body: Generated<string>
  url: string | null
  status: Generated<DocumentStatus>
  template: string | null
  generatedFromCaseId: number | null
  generatedFromCaseVersion: number | null
  contentHash: string | null
} & Editable

export type DocumentCasesTable = { documentId: number; caseId: number }

export type DocumentQuotesTable = {
  id: Generated<number>
  documentId: number
  actorId: number | null
  speakerLabel: Generated<string>
  body: string
  position: Generated<number>
  createdAt: CreatedTimestamp
}

export type SourcesTable = {
  id: Generated<number>
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: DatePrecision | null
  url: string | null
  archivedUrl: string | null
  accessedOn: string | null
  kind: Generated<SourceKind>
  reliability: Generated<Reliability>
  urlMissing: Generated<boolean>
} & Editable

export type CitationsTable = {
  id: Generated<number>
  sourceId: number
  caseId: number | null
  statusEventId: number | null
  documentId: number | null
  documentQuoteId: number | null
  advocacyActionId: number | null
  locator: string | null
  quotedText: string | null
} & Editable

export type AdvocacyActionsTable = {
  id: Generated<number>
  kind: ActionKind
  title: Generated<string>
  actionDate: string
  datePrecision: DatePrecision
  actorId: number | null
  targetId: number | null
  documentId: number | null
  response: Generated<ActionResponse>
  outcomeNotes: Generated<string>
  /** The restricted case linked: 0 for none, -1 for several (migration 0010); written by triggers. */
  restrictedCase: Generated<number>
} & Editable

export type ActionCasesTable = { actionId: number; caseId: number }

export type AuditChange = { field: string; old?: unknown; new?: unknown; sensitive?: true }

export type AuditEventsTable = {
  id: Generated<string>
  occurredAt: CreatedTimestamp
  userId: number | null
  entity: string
  entityId: string
  action: AuditAction
  caseId: number | null
  changes: ColumnType<AuditChange[], string, string>
  requestId: string | null
}

/** One sign-in attempt still inside its rate-limit window (see app/models/sign-in-attempts.server.ts). */
/** The case list's filter counts over all cases; written only by triggers on `cases`. */
export type CaseFacetCountsTable = {
  facet: string
  value: string
  restricted: boolean
  n: number
}

/** Cases per pair of facet values (migration 0013): the case list with one filter; written only by triggers. */
export type CaseFacetPairCountsTable = {
  facet: string
  value: string
  otherFacet: string
  otherValue: string
  restricted: boolean
  n: number
}

/** The dashboard's per-case latest and next activity dates (migration 0007); written only by triggers. */
export type CaseActivityTable = {
  caseId: number
  deprived: boolean
  restricted: boolean
  eventLatest: string | null
  eventNext: string | null
  actionLatest: string | null
  actionLatestSeen: string | null
  actionNext: string | null
  seenKey: ColumnType<string, never, never>
  anyKey: ColumnType<string, never, never>
  sharedNewest: ColumnType<boolean, never, never>
}

/** People deprived of liberty per detention start (migration 0007); written only by triggers. */
export type DetentionStartCountsTable = {
  start: string
  restricted: boolean
  imprecise: boolean
  n: number
}

/** Actions per restricted case (0: none), day, precision and kind (migration 0010); by triggers. */
export type ActionDayCountsTable = {
  restrictedCase: number
  actionDate: string
  datePrecision: DatePrecision
  kind: ActionKind
  n: number
}

export type SignInAttemptsTable = {
  id: Generated<number>
  keyKind: 'account' | 'address'
  key: string
  attemptedAt: Timestamp
}

/** One CSV import of cases (app/models/case-import.server.ts); JSON columns as the model types them. */
export type CaseImportStatus =
  'uploaded' | 'dry_running' | 'planned' | 'committing' | 'committed' | 'failed'
export type CaseImportsTable = {
  id: Generated<number>
  userId: number
  fileName: string
  content: string
  headers: ColumnType<unknown, string, string>
  rowCount: number
  mapping: ColumnType<unknown, string | null, string | null>
  status: Generated<CaseImportStatus>
  progressDone: Generated<number>
  report: ColumnType<unknown, string | null, string | null>
  result: ColumnType<unknown, string | null, string | null>
  error: string | null
  createdAt: CreatedTimestamp
  updatedAt: Timestamp
}

/** An actor (usually an MEP) sponsoring a case (migration 0011; app/models/case-sponsor.server.ts). */
export type CaseSponsorsTable = {
  id: Generated<number>
  caseId: number
  actorId: number
  since: string | null
  sincePrecision: DatePrecision | null
  note: Generated<string>
  createdAt: CreatedTimestamp
  createdBy: number | null
}

export type Database = {
  users: UsersTable
  sessions: SessionsTable
  cases: CasesTable
  caseAccess: CaseAccessTable
  statusEvents: StatusEventsTable
  actors: ActorsTable
  documents: DocumentsTable
  documentCases: DocumentCasesTable
  documentQuotes: DocumentQuotesTable
  sources: SourcesTable
  citations: CitationsTable
  advocacyActions: AdvocacyActionsTable
  actionCases: ActionCasesTable
  auditEvents: AuditEventsTable
  signInAttempts: SignInAttemptsTable
  caseFacetCounts: CaseFacetCountsTable
  caseFacetPairCounts: CaseFacetPairCountsTable
  caseActivity: CaseActivityTable
  detentionStartCounts: DetentionStartCountsTable
  actionDayCounts: ActionDayCountsTable
  caseImports: CaseImportsTable
  caseSponsors: CaseSponsorsTable
  caseFollows: CaseFollowsTable
  caseVisits: CaseVisitsTable
  digestSettings: DigestSettingsTable
}

export type User = Selectable<UsersTable>
export type Case = Selectable<CasesTable>
export type NewCase = Insertable<CasesTable>
export type CaseUpdate = Updateable<CasesTable>
export type StatusEvent = Selectable<StatusEventsTable>
export type Source = Selectable<SourcesTable>
export type Actor = Selectable<ActorsTable>
export type Document = Selectable<DocumentsTable>
