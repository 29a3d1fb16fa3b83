// Which addresses are public (no session, cacheable), and the ETag rules of their answers.
import { describe, expect, it } from 'vitest'
import {
  etagOf,
  matchesIfNoneMatch,
  publicCacheHeaders,
  versionedEtag,
} from '../../../app/utils/public-cache.server'
import { isPublicPath } from '../../../app/utils/public-paths'

const withIfNoneMatch = (value: string) =>
  new Request('http://localhost/p', { headers: { 'If-None-Match': value } })

describe('isPublicPath', () => {
  it.each(['/p', '/p.data', '/p/idris', '/p/idris.data', '/p/idris/feed.atom', '/feed.atom'])(
    'is true for %s',
    (path) => expect(isPublicPath(path)).toBe(true),
  )
  it.each([
    '/',
    '/profile',
    '/pages',
    '/cases/p',
    '/feed.atom/x',
    '/feed.atomx',
    '/dashboard',
    '/px',
  ])('is false for %s', (path) => expect(isPublicPath(path)).toBe(false))
})

describe('ETags', () => {
  it('are weak, stable for the same data and different for other data', () => {
    const tag = etagOf({ a: 1 })
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/)
    expect(etagOf({ a: 1 })).toBe(tag)
    expect(etagOf({ a: 2 })).not.toBe(tag)
    expect(publicCacheHeaders(tag)).toEqual({ 'Cache-Control': 'public, max-age=300', ETag: tag })
  })

  it('change with the build version', () => {
    const tag = etagOf('x')
    expect(versionedEtag(tag, 'abc')).not.toBe(versionedEtag(tag, 'abd'))
    expect(versionedEtag(tag, 'abc')).toMatch(/^W\/"[^"]+\.abc"$/)
  })

  it('match If-None-Match weakly, in a list, or as *', () => {
    const tag = etagOf('x')
    const strong = tag.replace(/^W\//, '')
    expect(matchesIfNoneMatch(withIfNoneMatch(tag), tag)).toBe(true)
    expect(matchesIfNoneMatch(withIfNoneMatch(strong), tag)).toBe(true)
    expect(matchesIfNoneMatch(withIfNoneMatch(`W/"other", ${tag}`), tag)).toBe(true)
    expect(matchesIfNoneMatch(withIfNoneMatch('*'), tag)).toBe(true)
    expect(matchesIfNoneMatch(withIfNoneMatch('W/"other"'), tag)).toBe(false)
    expect(matchesIfNoneMatch(new Request('http://localhost/p'), tag)).toBe(false)
  })
})
