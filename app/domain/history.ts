// Audit rows of a case turned into sentences people read on the History page. Pure: the model
// gives the rows (with the acting user's name) and the names of what they point at.
import { formatPartialDate, formatTimestamp } from './dates'
import { DATE_PRECISIONS, isOneOf, labelOf, type DatePrecision } from './vocabularies'

export type HistoryChange = { field: string; old?: unknown; new?: unknown; sensitive?: boolean }

export type HistoryRow = {
  id: string | number
  occurredAt: Date | string
  userName: string | null
  entity: string
  entityId: string
  action: string
  changes: HistoryChange[]
}

/** Names of the things audit rows point at by id, looked up in one statement by the model. */
export type HistoryReferences = {
  users: Record<string, string>
  sources: Record<string, string>
  events: Record<string, { date: string; precision: DatePrecision }>
}

export type HistoryEntry = {
  id: string
  who: string
  summary: string
  details: string[]
  when: string
  occurredAt: string
}

const NO_REFERENCES: HistoryReferences = { users: {}, sources: {}, events: {} }

const FIELD_LABELS: Record<string, string> = {
  fullName: 'full name',
  displayName: 'display name',
  riskLevel: 'risk level',
  internalNotes: 'internal notes',
  ownerId: 'owner',
  custodyState: 'custody state',
  legalStage: 'legal stage',
  releaseReason: 'release reason',
  eventDate: 'date',
  datePrecision: 'date precision',
  sourceId: 'source',
  statusEventId: 'event',
  quotedText: 'quoted passage',
}

/** Fields whose values are vocabulary values ("pretrial_detention" -> "Pre-trial detention"). */
const VOCABULARY_FIELDS = new Set([
  'custodyState',
  'legalStage',
  'releaseReason',
  'certainty',
  'datePrecision',
  'riskLevel',
  'visibility',
  'consent',
  'grounds',
  'role',
])

const LONG_TEXT = 80
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** "custodyState" -> "custody state"; a field nobody named gets its camelCase split into words. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
}

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)
  )
}

function truncate(text: string): string {
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT - 1).trimEnd()}…` : text
}

/** One value as a reader should see it: labels for vocabularies, names for ids, short quotes. */
export function formatValue(field: string, value: unknown, refs = NO_REFERENCES): string {
  if (isEmpty(value)) return 'nothing'
  if (Array.isArray(value)) return value.map((item) => formatValue(field, item, refs)).join(', ')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  const text = String(value)
  if (VOCABULARY_FIELDS.has(field)) return labelOf(text)
  if (field === 'ownerId') return refs.users[text] ?? `user #${text}`
  if (field === 'sourceId')
    return refs.sources[text] ? `“${refs.sources[text]}”` : `source #${text}`
  if (field === 'statusEventId') return eventName(text, refs)
  if (typeof value === 'number' || ISO_DAY.test(text)) return text
  return `“${truncate(text)}”`
}

function eventName(eventId: string, refs: HistoryReferences): string {
  const event = refs.events[eventId]
  return event ? `the event of ${formatPartialDate(event)}` : 'an event since deleted'
}

/** One changed field as a phrase: "changed custody state from Detained to Released". */
export function describeChange(change: HistoryChange, refs = NO_REFERENCES): string {
  const label = fieldLabel(change.field)
  if (change.sensitive) return `changed ${label} (sensitive — values not recorded)`
  const hasOld = !isEmpty(change.old)
  const hasNew = !isEmpty(change.new)
  const oldText = formatValue(change.field, change.old, refs)
  const newText = formatValue(change.field, change.new, refs)
  if (!hasOld && hasNew) return `set ${label} to ${newText}`
  if (hasOld && !hasNew) return `cleared ${label} (was ${oldText})`
  return `changed ${label} from ${oldText} to ${newText}`
}

/** A field as first recorded (create) or as last known (delete): "custody state: Detained". */
function describeValue(change: HistoryChange, key: 'old' | 'new', refs: HistoryReferences) {
  const label = fieldLabel(change.field)
  if (change.sensitive) return `${label} (sensitive — value not recorded)`
  return `${label}: ${formatValue(change.field, change[key], refs)}`
}

function valueOf(changes: HistoryChange[], field: string, key: 'old' | 'new'): unknown {
  return changes.find((change) => change.field === field)?.[key]
}

/** "an alleged event (February 2023: A video surfaced…)" from an event's create or delete row. */
function eventPhrase(changes: HistoryChange[], key: 'old' | 'new'): string {
  const alleged = valueOf(changes, 'certainty', key) === 'alleged'
  return `${alleged ? 'an alleged' : 'an'} event (${eventFacts(changes, key)})`
}

/** "14 February 2023: Detained, Charged"; an event without a state is named by its description. */
function eventFacts(changes: HistoryChange[], key: 'old' | 'new'): string {
  const date = valueOf(changes, 'eventDate', key)
  const precision = valueOf(changes, 'datePrecision', key)
  const when =
    typeof date === 'string' && isOneOf(DATE_PRECISIONS, precision)
      ? formatPartialDate({ date, precision })
      : typeof date === 'string'
        ? date
        : 'undated'
  const states = ['custodyState', 'legalStage']
    .map((field) => valueOf(changes, field, key))
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map(labelOf)
  const description = valueOf(changes, 'description', key)
  const what =
    states.join(', ') ||
    (typeof description === 'string' && truncate(description)) ||
    'no status change'
  return `${when}: ${what}`
}

/** An update: one change reads as one sentence; several as a headline with a line each. */
function describeUpdate(subject: string, changes: HistoryChange[], refs: HistoryReferences) {
  const phrases = changes.map((change) => describeChange(change, refs))
  if (phrases.length === 0) return { summary: `saved ${subject} without changes`, details: [] }
  if (phrases.length === 1) {
    const about = subject === 'the case' ? '' : ` in ${subject}`
    return { summary: `${phrases[0]}${about}`, details: [] }
  }
  return { summary: `updated ${subject} (${phrases.length} fields)`, details: phrases }
}

function accessName(changes: HistoryChange[]): string {
  const change = changes.find((c) => c.field === 'access')
  const name = change?.new ?? change?.old
  return typeof name === 'string' && name ? name : 'a user'
}

function describeCase(row: HistoryRow, refs: HistoryReferences) {
  const { action, changes } = row
  if (action === 'create')
    return {
      summary: 'created the case',
      details: changes.map((change) => describeValue(change, 'new', refs)),
    }
  if (action === 'update') return describeUpdate('the case', changes, refs)
  if (action === 'delete') return { summary: 'deleted the case', details: [] }
  if (action === 'grant')
    return { summary: `granted access to ${accessName(changes)}`, details: [] }
  if (action === 'revoke')
    return { summary: `revoked access for ${accessName(changes)}`, details: [] }
  return describeOther(row, refs)
}

function describeEvent(row: HistoryRow, refs: HistoryReferences) {
  const { action, changes } = row
  if (action === 'create')
    return { summary: `recorded ${eventPhrase(changes, 'new')}`, details: [] }
  if (action === 'delete') return { summary: `deleted ${eventPhrase(changes, 'old')}`, details: [] }
  if (action === 'update') return describeUpdate(eventName(row.entityId, refs), changes, refs)
  return describeOther(row, refs)
}

function describeCitation(row: HistoryRow, refs: HistoryReferences) {
  const { action, changes } = row
  const key = action === 'delete' ? 'old' : 'new'
  const source = valueOf(changes, 'sourceId', key)
  const sourceText = isEmpty(source) ? 'a source' : formatValue('sourceId', source, refs)
  const eventId = valueOf(changes, 'statusEventId', key)
  const target = isEmpty(eventId) ? 'the case' : eventName(String(eventId), refs)
  if (action === 'create') return { summary: `cited ${sourceText} for ${target}`, details: [] }
  if (action === 'delete')
    return { summary: `removed the citation of ${sourceText} from ${target}`, details: [] }
  if (action === 'update') return describeUpdate('a citation', changes, refs)
  return describeOther(row, refs)
}

function describeOther(row: HistoryRow, refs: HistoryReferences) {
  const verb = { create: 'created', update: 'updated', delete: 'deleted', merge: 'merged' }[
    row.action
  ]
  return {
    summary: `${verb ?? `did “${row.action}” to`} ${labelOf(row.entity).toLowerCase()} #${row.entityId}`,
    details: row.changes.map((change) => describeChange(change, refs)),
  }
}

/** One audit row as a readable entry: who, what (with details), and when in UTC. */
export function describeHistoryRow(row: HistoryRow, refs = NO_REFERENCES): HistoryEntry {
  const described =
    row.entity === 'case'
      ? describeCase(row, refs)
      : row.entity === 'status_event'
        ? describeEvent(row, refs)
        : row.entity === 'citation'
          ? describeCitation(row, refs)
          : describeOther(row, refs)
  const occurredAt = new Date(row.occurredAt)
  return {
    id: String(row.id),
    who: row.userName ?? 'System',
    ...described,
    when: formatTimestamp(occurredAt),
    occurredAt: occurredAt.toISOString(),
  }
}

/** The entry as one line: "Demo Editor changed custody state from … — 3 March 2024, 14:05 UTC". */
export function historySentence(entry: HistoryEntry): string {
  return `${entry.who} ${entry.summary} — ${entry.when}`
}
