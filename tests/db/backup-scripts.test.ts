// `npm run restore < file` and `npm run backup > file` as a user runs them: child processes on an
// embedded database in a temporary folder, the file through standard input and output. A restore
// followed by a backup gives the same bytes; a second restore is refused with a message, no stack.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupText, seedEverything } from '../support/backup'
import { openTestDatabase } from '../support/test-database'

const root = path.resolve(import.meta.dirname, '..', '..')
const tsx = path.join(root, 'node_modules', '.bin', 'tsx')

function run(
  script: string,
  env: Record<string, string>,
  stdin: number | 'ignore',
  stdout: number | 'pipe',
) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env
    const child = spawn(tsx, [path.join(root, 'scripts', script)], {
      cwd: root,
      env: { ...inherited, NODE_ENV: 'test', ...env },
      stdio: [stdin, stdout, 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

describe('npm run backup and npm run restore on the embedded database', () => {
  let dir: string
  let original: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-backup-scripts-'))
    const source = await openTestDatabase('pglite')
    try {
      await seedEverything(source.db)
      original = await backupText(source.db)
    } finally {
      await source.close()
    }
    fs.writeFileSync(path.join(dir, 'in.json'), original)
  }, 300_000)
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('restores from standard input, backs up to standard output the same bytes, and refuses a second restore', async () => {
    const env = { PGLITE_DIR: path.join(dir, 'db') }
    const input = () => fs.openSync(path.join(dir, 'in.json'), 'r')

    const restored = await run('restore.ts', env, input(), 'pipe')
    expect(restored.stderr).toMatch(/^Restored \d+ rows in \d+ tables/)
    expect(restored.code).toBe(0)

    const outFile = path.join(dir, 'out.json')
    const backedUp = await run('backup.ts', env, 'ignore', fs.openSync(outFile, 'w'))
    expect(backedUp.stderr).toBe('')
    expect(backedUp.code).toBe(0)
    expect(fs.readFileSync(outFile, 'utf8')).toBe(original)

    const again = await run('restore.ts', env, input(), 'pipe')
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^Restore refused: This database is not empty/)
    expect(again.stderr).not.toMatch(/\n\s+at /)
  }, 300_000)
})
