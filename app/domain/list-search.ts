// The query string of a list link (sources, actors), apart from the schemas that read it so that
// the list pages build their links in the browser without zod.
/** "?q=…&kind=news&page=2", keeping only what is set; page 1 is left out. */
export function listSearch(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || (key === 'page' && value === 1)) continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `?${search}` : ''
}
