// What a dry run reports and a commit answers, as stored with the import and shown on its page.
import type { Problem } from './plan'

export type DryRunCounts = {
  rows: number
  validRows: number
  errorRows: number
  create: number
  update: number
  events: number
  sourcesNew: number
  sourcesReused: number
  sourcesWithheld: number
  citations: number
}

export type DryRunReport = {
  counts: DryRunCounts
  problems: Problem[]
  errorLines: number[]
  /** The existing case each row updates, at the version the dry run read (line → case). */
  matched: Record<string, { id: number; version: number }>
}

export type CommitResult =
  | {
      ok: true
      created: number
      updated: number
      events: number
      sourcesNew: number
      sourcesReused: number
      citations: number
      leftOut: number
      slugs: string[]
    }
  | { ok: false; reason: 'errors' | 'changed' | 'stale'; message: string; lines: number[] }
