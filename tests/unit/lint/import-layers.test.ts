// The import-direction rule (lint/import-layers.js) must fire: each case lints a file placed in a
// layer, through ESLint's API and the repository's own eslint.config.js, and counts the errors of
// import-x/no-restricted-paths. The files are linted as text under a path in app/, never written.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { featureFolders, importLayerZones } from '../../../lint/import-layers.js'

const root = path.resolve(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root })

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message)
}

describe('imports go one way', { timeout: 60_000 }, () => {
  it.each([
    ['app/domain/probe.ts', "import { getCaseForUser } from '~/models/case.server'"],
    ['app/domain/probe.ts', "import type { Viewer } from '../models/case-visibility.server'"],
    ['app/domain/probe.ts', "import { ConflictNotice } from '~/components/conflict-notice'"],
    ['app/domain/probe.ts', "import { getDb } from '~/utils/db.server'"],
    ['app/domain/probe.ts', "import { parsePressRelease } from '~/document-import/press-release'"],
    ['app/utils/probe.ts', "import { formatPartialDate } from '~/domain/dates'"],
    ['app/utils/probe.server.ts', "import { requireUser } from '~/guards/auth.server'"],
    ['app/models/probe.server.ts', "import { requireUser } from '~/guards/auth.server'"],
    ['app/models/probe.server.ts', "import type { FieldErrors } from '~/components/form-fields'"],
    ['app/components/probe.tsx', "import { getCaseForUser } from '~/models/case.server'"],
    ['app/components/probe.tsx', "import { getEnv } from '~/utils/env.server'"],
    ['app/document-import/probe.ts', "import { getCaseForUser } from '~/models/case.server'"],
    ['app/statements/probe.ts', "import { TextField } from '~/components/form-fields'"],
    ['app/statements/probe.server.ts', "import { requireUser } from '~/guards/auth.server'"],
    ['app/guards/probe.server.ts', "import { TextField } from '~/components/form-fields'"],
    ['app/jobs/probe.server.ts', "import { requireUser } from '~/guards/auth.server'"],
    [
      'db/migrations/9999_probe.ts',
      "import { CUSTODY_STATES } from '../../app/domain/vocabularies'",
    ],
  ])('%s may not: %s', async (file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['app/routes/probe.tsx', "import { getCaseForUser } from '~/models/case.server'"],
    ['app/routes/probe.tsx', "import { requireUser } from '~/guards/auth.server'"],
    ['app/guards/probe.server.ts', "import { getCaseForUser } from '~/models/case.server'"],
    [
      'app/models/probe.server.ts',
      "import { parsePressRelease } from '../document-import/press-release'",
    ],
    ['app/models/probe.server.ts', "import { getDb } from '../utils/db.server'"],
    ['app/components/probe.tsx', "import type { Conflict } from '~/domain/conflict'"],
    ['app/components/probe.tsx', "import { TEMPLATE_LABELS } from '~/statements/types'"],
    ['app/domain/probe.ts', "import { formToObject } from '~/utils/forms'"],
    ['app/statements/probe.server.ts', "import { getCaseForUser } from '~/models/case.server'"],
    ['app/document-import/probe.ts', "import { formatPartialDate } from '~/domain/dates'"],
  ])('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([])
  })

  it('treats a new folder of app/ as a feature folder, under the same rules', () => {
    const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'))
    try {
      for (const name of ['routes', 'models', 'domain', 'utils', 'statements', 'new-feature'])
        fs.mkdirSync(path.join(appDir, name))
      expect(featureFolders(appDir)).toEqual(['new-feature', 'statements'])
      const targets = importLayerZones(appDir).flatMap((zone) => [zone.target].flat())
      expect(targets.some((t) => t.includes('{new-feature,statements}'))).toBe(true)
    } finally {
      fs.rmSync(appDir, { recursive: true })
    }
  })
})
