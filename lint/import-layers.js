// The direction of imports inside app/, as ESLint zones (import-x/no-restricted-paths): a lower
// layer never imports a higher one. docs/architecture.md draws the same picture.
//
//   routes, root.tsx, entry.*   the app's entry points (jobs/ too: started by the server)
//   guards/                     *.server.ts: who asks, may they, the record or form they name
//   models/                     *.server.ts: all database access, transactions, audit rows
//   components/                 React, shown in the browser: never a .server module
//   feature folders             import/, statements/, case-import/, backup/, and any folder not
//                               named here: their pure files as domain/ (no .server import), their
//                               .server files beside models/ (may call models, never guards)
//   domain/                     pure rules and zod schemas, shared by server and browser
//   utils/                      the bottom: env, database opening, http and form helpers
//
// domain/ may use utils/'s pure helpers (forms.ts), never a utils/*.server module: domain runs in
// the browser too, where a .server module is empty. utils/ imports nothing of app/ but utils/.
import fs from 'node:fs'
import path from 'node:path'

const ENTRY = ['routes', 'jobs', 'root.tsx', 'entry.client.tsx', 'entry.server.tsx']
const NAMED = new Set([...ENTRY, 'guards', 'models', 'components', 'domain', 'utils', 'styles'])

/** Every folder of app/ that is not a named layer is a feature folder. */
export function featureFolders(appDir) {
  return fs
    .readdirSync(appDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NAMED.has(entry.name))
    .map((entry) => entry.name)
    .sort()
}

/** The zones for import-x/no-restricted-paths, paths relative to the repository root. */
export function importLayerZones(appDir) {
  const app = (name) => `app/${name}`
  const features = featureFolders(appDir)
  const entry = ENTRY.map(app)
  const server = 'app/**/*.server.{ts,tsx,js}'
  const featureGlob = features.length > 1 ? `{${features.join(',')}}` : (features[0] ?? 'none')
  const zone = (target, from, why) => ({ target, from, message: why })
  return [
    zone(
      app('utils'),
      [...entry, ...['guards', 'models', 'components', 'domain'].map(app), ...features.map(app)],
      'utils/ is the bottom layer: it imports nothing of app/ but utils/.',
    ),
    zone(
      app('domain'),
      [...entry, ...['guards', 'models', 'components'].map(app), ...features.map(app)],
      'domain/ is pure and shared: it imports only domain/ and utils/.',
    ),
    zone(
      app('domain'),
      [server],
      'domain/ runs in the browser too, where a .server module is empty.',
    ),
    zone(
      app('components'),
      [...entry, app('guards'), app('models')],
      'components/ import domain/, utils/ and the pure files of feature folders.',
    ),
    zone(app('components'), [server], 'components/ run in the browser: no .server module.'),
    zone(
      app('models'),
      [...entry, app('guards'), app('components')],
      'models/ import domain/, utils/ and feature folders, never guards, components or routes.',
    ),
    ...(features.length > 0
      ? [
          zone(
            `app/${featureGlob}/**/!(*.server).{ts,tsx,js}`,
            [server],
            "A feature's pure files import no .server module (models, guards, its own .server files).",
          ),
          zone(
            `app/${featureGlob}/**/*`,
            ['app/{routes,jobs,guards,components}/**/*', 'app/*.tsx'],
            'Feature folders sit below guards, components and routes.',
          ),
          zone(
            app('models'),
            [`app/${featureGlob}/**/*.server.{ts,tsx,js}`],
            "models/ use a feature's pure files; its .server files sit beside models and call them.",
          ),
        ]
      : []),
    zone(
      app('guards'),
      [...entry, app('components')],
      'guards/ sit between routes and models: they never import routes, jobs or components.',
    ),
    zone(
      app('jobs'),
      [...entry.filter((e) => e !== app('jobs')), app('guards'), app('components')],
      'jobs/ run without a request: models, domain, utils and features only.',
    ),
    zone('db/migrations', ['app'], 'Migrations are frozen in time: they never import app/.'),
  ]
}

/** Resolves `~/…` as tsconfig.json's paths do, so the zones see where an import really goes. */
export function resolverAlias(rootDir) {
  return { '~': [path.join(rootDir, 'app')] }
}
