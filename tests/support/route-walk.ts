// Every route file in app/routes turned into the URL pattern Remix's v2 flat routes give it, so a
// test can request every page without a hand-kept list that falls behind the code.
//
// The rules (https://remix.run/docs/en/main/file-conventions/routes): `.` separates URL segments;
// `_index` is an index route; a leading `_` is a pathless layout (no segment); a trailing `_` only
// un-nests from the parent layout (stripped); `$name` is a dynamic segment, `($name)` an optional one,
// a lone `$` the splat; `[...]` escapes, so `dashboard[.]csv` is the literal "/dashboard.csv" while
// `dashboard.csv` is "/dashboard/csv". A folder with a route.tsx is a route named like the folder.
import fs from 'node:fs'
import path from 'node:path'

export const ROUTES_DIR = path.resolve(import.meta.dirname, '..', '..', 'app', 'routes')

export type Segment =
  | { kind: 'static'; value: string }
  | { kind: 'param'; name: string; optional: boolean }
  | { kind: 'splat' }

export type RouteFile = {
  /** The file (or folder) name under app/routes, e.g. "cases.$slug_.edit.tsx". */
  file: string
  /** Remix's route id, e.g. "routes/cases.$slug_.edit". */
  id: string
  segments: Segment[]
  /** The URL pattern in Remix's notation, e.g. "/cases/:slug/edit". */
  pattern: string
  /** The route module's source, to see whether it exports a loader or an action. */
  source: string
}

const ROUTE_EXTENSION = /\.(tsx|ts|jsx|js|mdx|md)$/

/** Splits on dots that are not inside [brackets], removing the brackets of escapes. */
function splitFlatName(name: string): string[] {
  const parts: string[] = []
  let current = ''
  let escaped = false
  for (const char of name) {
    if (char === '[' && !escaped) escaped = true
    else if (char === ']' && escaped) escaped = false
    else if (char === '.' && !escaped) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

export function segmentsOf(routeName: string): Segment[] {
  const raw = splitFlatName(routeName)
  const segments: Segment[] = []
  for (const [index, part] of raw.entries()) {
    if (part === '_index' && index === raw.length - 1) continue
    if (part.startsWith('_')) continue
    const name = part.endsWith('_') ? part.slice(0, -1) : part
    if (name === '$') segments.push({ kind: 'splat' })
    else if (/^\(\$[\w-]+\)$/.test(name))
      segments.push({ kind: 'param', name: name.slice(2, -1), optional: true })
    else if (name.startsWith('$'))
      segments.push({ kind: 'param', name: name.slice(1), optional: false })
    else segments.push({ kind: 'static', value: name })
  }
  return segments
}

export function patternOf(segments: Segment[]): string {
  const parts = segments.map((s) =>
    s.kind === 'static' ? s.value : s.kind === 'splat' ? '*' : `:${s.name}${s.optional ? '?' : ''}`,
  )
  return `/${parts.join('/')}`
}

/** Every route file in app/routes (the same files remix.config.js does not ignore). */
export function routeFiles(): RouteFile[] {
  const files: RouteFile[] = []
  for (const entry of fs.readdirSync(ROUTES_DIR, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || /\.test\.(ts|tsx)$/.test(entry.name)) continue
    let name: string
    let sourceFile: string
    if (entry.isDirectory()) {
      const inner = fs
        .readdirSync(path.join(ROUTES_DIR, entry.name))
        .find((f) => /^(route|index)\.(tsx|ts|jsx|js)$/.test(f))
      if (!inner) continue
      name = entry.name
      sourceFile = path.join(ROUTES_DIR, entry.name, inner)
    } else {
      if (!ROUTE_EXTENSION.test(entry.name)) continue
      name = entry.name.replace(ROUTE_EXTENSION, '')
      sourceFile = path.join(ROUTES_DIR, entry.name)
    }
    const segments = segmentsOf(name)
    files.push({
      file: entry.name,
      id: `routes/${name}`,
      segments,
      pattern: patternOf(segments),
      source: fs.readFileSync(sourceFile, 'utf8'),
    })
  }
  return files.sort((a, b) => a.file.localeCompare(b.file))
}

const exportsName = (source: string, name: string) =>
  new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${name}\\b`).test(source) ||
  new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source)

export const hasLoader = (route: RouteFile) => exportsName(route.source, 'loader')
export const hasAction = (route: RouteFile) => exportsName(route.source, 'action')

/** The names of a route's dynamic segments. */
export const paramNames = (route: RouteFile) =>
  route.segments.flatMap((s) => (s.kind === 'param' ? [s.name] : []))

/** The address of a splat route: somewhere no other route answers. */
export const UNKNOWN_PATH = 'no-such-page/anywhere'

/**
 * Every URL of a route with each dynamic segment filled by each value given for it (all
 * combinations); an optional segment is also left out once. An unknown parameter name throws, so
 * a new route cannot be skipped silently.
 */
export function fillRoute(route: RouteFile, values: Record<string, readonly string[]>): string[] {
  let paths: string[][] = [[]]
  for (const segment of route.segments) {
    if (segment.kind === 'static') {
      paths = paths.map((p) => [...p, segment.value])
      continue
    }
    if (segment.kind === 'splat') {
      paths = paths.map((p) => [...p, UNKNOWN_PATH])
      continue
    }
    const options = values[segment.name]
    if (!options?.length)
      throw new Error(
        `${route.file}: no values for the parameter :${segment.name} — add them to the test's world`,
      )
    const filled = options.map(encodeURIComponent)
    paths = paths.flatMap((p) => [
      ...filled.map((v) => [...p, v]),
      ...(segment.optional ? [p] : []),
    ])
  }
  return paths.map((p) => `/${p.join('/')}`)
}

/** The single-fetch address of a page's data: "/cases/x?y" → "/cases/x.data?y", "/" → "/_root.data". */
export function dataUrlOf(url: string): string {
  const [pathname, query] = url.split(/\?(.*)/s) as [string, string | undefined]
  const base = pathname === '/' ? '/_root.data' : `${pathname.replace(/\/$/, '')}.data`
  return query ? `${base}?${query}` : base
}

/**
 * The full paths of a built server's routes (from the parent chain), keyed by route id: what
 * Remix itself made of the file names, to check `routeFiles()` against.
 */
export function builtRoutePatterns(
  routes: Record<string, { path?: string; parentId?: string; index?: boolean }>,
): Record<string, string> {
  const fullPath = (id: string): string[] => {
    const route = routes[id]
    if (!route) return []
    const own = route.path ? route.path.split('/').filter(Boolean) : []
    return [...(route.parentId ? fullPath(route.parentId) : []), ...own]
  }
  const result: Record<string, string> = {}
  for (const id of Object.keys(routes)) if (id !== 'root') result[id] = `/${fullPath(id).join('/')}`
  return result
}
