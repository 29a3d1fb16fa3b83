// A stale save (optimistic locking): who saved first, when, and which fields now differ from what
// the user typed. The schemas build it; the conflict notice shows it.

export type Conflict = {
  changedBy: string
  changedAt: string
  /** Fields where what is saved now differs from what the user typed. */
  differences: { field: string; label: string; saved: string; typed: string }[]
}
