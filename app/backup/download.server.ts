// The admin page's download: an audit row saying who took a backup (committed first, so the file
// holds the record of its own making), then the backup streamed as the response body, read as the
// client takes it. A client that goes away stops the read and ends its transaction.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { writeAudit, type Actor } from '../models/audit.server'
import { backupFileName } from './format'
import { backupChunks } from './write.server'

export async function recordBackupDownload(
  db: Kysely<Database>,
  { actor, now = new Date() }: { actor: Actor; now?: Date },
): Promise<string> {
  const fileName = backupFileName(now)
  await writeAudit(db, {
    actor,
    entity: 'backup',
    entityId: fileName,
    action: 'create',
    changes: [{ field: 'file', new: fileName }],
  })
  return fileName
}

export function backupStream(db: Kysely<Database>): ReadableStream<Uint8Array> {
  const chunks = backupChunks(db)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      } catch (error) {
        console.error('Backup download failed:', error)
        controller.error(error)
      }
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
