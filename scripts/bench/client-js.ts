// The JavaScript a browser downloads for a page, from the build's manifest (public/build/manifest-*.js):
// the entry, then the module and imports of every route from root down to the page's route. Each file
// is counted once per page, gzipped as the server sends it.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = path.resolve(import.meta.dirname, '..', '..')

type ManifestEntry = { module: string; imports?: string[] }
export type ClientManifest = {
  entry: ManifestEntry
  routes: Record<string, ManifestEntry & { id: string; parentId?: string }>
}

export type ClientJs = { files: number; gzipBytes: number; rawBytes: number }

/** The client manifest of the current build; throws when there is no build. */
export function readClientManifest(): ClientManifest {
  // The server build names the manifest of its own build (an older one may still lie beside it).
  const serverBuild = path.join(root, 'build', 'index.js')
  if (!fs.existsSync(serverBuild)) throw new Error('No client build found: run npm run build first')
  const server = fs.readFileSync(serverBuild, 'utf8')
  const name = /\/build\/(manifest-[0-9A-Za-z]+\.js)/.exec(server)?.[1]
  if (!name) throw new Error('No manifest named in build/index.js')
  const text = fs.readFileSync(path.join(root, 'public', 'build', name), 'utf8')
  return JSON.parse(
    text.replace(/^window\.__remixManifest=/, '').replace(/;\s*$/, ''),
  ) as ClientManifest
}

export function clientJsByRoute(routeIds: string[]): Map<string, ClientJs> {
  const manifest = readClientManifest()
  const sizes = new Map<string, { raw: number; gzip: number }>()
  const sizeOf = (url: string) => {
    let size = sizes.get(url)
    if (!size) {
      const content = fs.readFileSync(path.join(root, 'public', url))
      size = { raw: content.length, gzip: zlib.gzipSync(content).length }
      sizes.set(url, size)
    }
    return size
  }
  const result = new Map<string, ClientJs>()
  for (const id of new Set(routeIds)) {
    const files = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])])
    for (let route = manifest.routes[id]; route; route = manifest.routes[route.parentId ?? '']) {
      files.add(route.module)
      for (const file of route.imports ?? []) files.add(file)
    }
    if (!manifest.routes[id]) continue
    let gzipBytes = 0
    let rawBytes = 0
    for (const file of files) {
      gzipBytes += sizeOf(file).gzip
      rawBytes += sizeOf(file).raw
    }
    result.set(id, { files: files.size, gzipBytes, rawBytes })
  }
  return result
}
