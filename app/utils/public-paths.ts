// The addresses anyone may read without signing in (DESIGN.md, "Outward faces"): public case pages
// and the Atom feeds. On these the root loader reads no session, the page has the public layout
// and no script, and the answer may be cached (app/utils/public-cache.server.ts).
const PUBLIC_PATH = /^\/(p(\.data|\/.*)?|feed\.atom)$/

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATH.test(pathname)
}
