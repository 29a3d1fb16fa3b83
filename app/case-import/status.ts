// How an import's state is named on its pages.
import type { CaseImportStatus } from '../../db/schema'

export const STATUS_LABELS: Record<CaseImportStatus, string> = {
  uploaded: 'Columns to map',
  dry_running: 'Dry run running',
  planned: 'Dry run done',
  committing: 'Importing',
  committed: 'Imported',
  failed: 'Stopped',
}
