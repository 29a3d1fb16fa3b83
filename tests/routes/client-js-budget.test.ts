// The JavaScript a browser downloads for each page stays within budget. Read from the existing build
// (public/build/manifest-*.js, as scripts/bench/client-js.ts counts it): the entry, then the module
// and imports of every route from root down to the page's route, each file gzipped once.
// Chart pages (and the routes nested in them) may carry recharts; no other page may, and
// markdown-it reaches the browser only on pages that render a Markdown preview client-side.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { readClientManifest } from '../../scripts/bench/client-js'

const root = path.resolve(import.meta.dirname, '..', '..')

const PAGE_BUDGET = 100 * 1024
const CHART_BUDGET = 220 * 1024
const CHART_ROUTES = ['routes/dashboard', 'routes/cases.$slug']
// Pages that render Markdown in the browser. None does: previews are rendered on the server.
const MARKDOWN_ROUTES: string[] = []

const manifest = readClientManifest()
const contents = new Map<string, Buffer>()
function read(url: string): Buffer {
  let content = contents.get(url)
  if (!content) {
    content = fs.readFileSync(path.join(root, 'public', url))
    contents.set(url, content)
  }
  return content
}
const gzipSizes = new Map<string, number>()
function gzipSize(url: string): number {
  let size = gzipSizes.get(url)
  if (size === undefined) {
    size = zlib.gzipSync(read(url)).length
    gzipSizes.set(url, size)
  }
  return size
}

function chain(id: string): string[] {
  const ids: string[] = []
  for (let route = manifest.routes[id]; route; route = manifest.routes[route.parentId ?? ''])
    ids.push(route.id)
  return ids
}

function filesOf(id: string): Set<string> {
  const files = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])])
  for (const routeId of chain(id)) {
    const route = manifest.routes[routeId]!
    files.add(route.module)
    for (const file of route.imports ?? []) files.add(file)
  }
  return files
}

const routeIds = Object.keys(manifest.routes).sort()
const isChartPage = (id: string) => chain(id).some((routeId) => CHART_ROUTES.includes(routeId))
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const carries = (id: string, marker: string) =>
  [...filesOf(id)].some((file) => read(file).includes(marker))

describe('client JavaScript per page (gzip)', () => {
  it('every page stays within its budget', () => {
    const over: string[] = []
    for (const id of routeIds) {
      const size = [...filesOf(id)].reduce((sum, file) => sum + gzipSize(file), 0)
      const budget = isChartPage(id) ? CHART_BUDGET : PAGE_BUDGET
      if (size > budget) over.push(`${id}: ${kb(size)} (budget ${kb(budget)})`)
    }
    expect(over, `Routes over their client JS budget:\n${over.join('\n')}`).toEqual([])
  })

  it('recharts reaches only chart pages', () => {
    const withCharts = routeIds.filter((id) => carries(id, 'recharts-wrapper'))
    expect(withCharts.filter((id) => !isChartPage(id))).toEqual([])
  })

  it('markdown-it reaches only pages that render a preview in the browser', () => {
    const withMarkdown = routeIds.filter((id) => carries(id, 'Wrong `markdown-it` preset'))
    expect(withMarkdown.filter((id) => !MARKDOWN_ROUTES.includes(id))).toEqual([])
  })
})
