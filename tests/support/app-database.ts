// Route tests call loaders and actions directly; this points the app's one database at a test's own.
import type { DatabaseHandle } from '../../app/utils/open-database.server'

export function useDatabaseForApp(handle: DatabaseHandle): void {
  globalThis.__caseTrackerDb = Promise.resolve(handle)
}

export function releaseAppDatabase(): void {
  globalThis.__caseTrackerDb = undefined
}
