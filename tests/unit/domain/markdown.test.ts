// Document bodies come from people and from pasted text: whatever they hold, the HTML we render
// must carry no script, no event handler and no link to a javascript:, vbscript: or data: address.
import { describe, expect, it } from 'vitest'
import {
  escapeBlockSyntax,
  footnoteMarkersOf,
  isSafeLink,
  markerNumbers,
  renderMarkdown,
  renumberMarkers,
} from '../../../app/domain/markdown'

const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=5 /></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&#x3A;alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](data:image/png;base64,iVBORw0KGgo=)',
  '[x](file:///etc/passwd)',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '![x](https://evil.example/track.png)',
  '![x](javascript:alert(1))',
  '[x]: javascript:alert(1)\n\n[x]',
  '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
  '"><script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '`<script>alert(1)</script>`',
  '    <script>alert(1)</script>',
  '<!-- --><script>alert(1)</script>',
]

/**
 * The tags of an HTML fragment with their attributes. markdown-it writes every attribute as
 * name="value" with quotes escaped inside values, so this reading is exact for its output; anything
 * else between a tag's name and its ">" fails the test.
 */
function tagsOf(html: string) {
  return [...html.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)].map((m) => {
    const rest = m[2]!
    const attributes = [...rest.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((a) => ({
      name: a[1]!,
      value: a[2]!,
    }))
    expect(rest.replace(/\s([a-z-]+)="([^"]*)"/g, '').trim()).toMatch(/^\/?$/)
    return { tag: m[1]!.toLowerCase(), attributes }
  })
}

const ALLOWED_TAGS = new Set(['p', 'a', 'code', 'pre', 'em', 'strong', 'sup', 'br'])
const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'target', 'title', 'class', 'aria-label'])

describe('rendering a Markdown body', () => {
  it.each(HOSTILE)('renders %j inert', (source) => {
    const html = renderMarkdown(source)
    for (const { tag, attributes } of tagsOf(html)) {
      expect(ALLOWED_TAGS, `unexpected <${tag}> in ${html}`).toContain(tag)
      for (const { name, value } of attributes) {
        expect(ALLOWED_ATTRIBUTES, `unexpected ${name}= in ${html}`).toContain(name)
        if (name === 'href') expect(value).toMatch(/^(https?:\/\/|mailto:|#|\/[^/])/)
      }
    }
    // Every "<" that is not one of the tags above was escaped.
    expect(html.replace(/<\/?(p|a|code|pre|em|strong|sup|br)\b[^>]*>/g, '')).not.toContain('<')
  })

  it('keeps what the hostile text said, as text', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n')
  })

  it('renders ordinary Markdown and marks every link noopener noreferrer', () => {
    const html = renderMarkdown(
      '**Bold**, *italic*, [a report](https://example.org/r), <https://example.org/a>, [us](mailto:press@example.org) and [a case](/cases/x).',
    )
    expect(html).toContain('<strong>Bold</strong>')
    expect(html).toContain('<em>italic</em>')
    expect(html).toContain(
      '<a href="https://example.org/r" rel="noopener noreferrer" target="_blank">a report</a>',
    )
    expect(html).toContain('<a href="mailto:press@example.org" rel="noopener noreferrer">us</a>')
    expect(html).toContain('<a href="/cases/x" rel="noopener noreferrer">a case</a>')
    expect(tagsOf(html).filter((t) => t.tag === 'a')).toHaveLength(4)
    expect(html.match(/rel="noopener noreferrer"/g)).toHaveLength(4)
  })

  it('turns footnote markers into links to the numbered footnotes, and leaves the rest as text', () => {
    const numbers: Record<number, number> = { 1: 3, 2: 1 }
    const html = renderMarkdown('A[1] b[2] c[7] `[1]` \\[2] [1](https://example.org) [10, 11]', {
      footnoteNumber: (marker) => numbers[marker],
    })
    expect(html).toContain(
      'A<sup class="footnote-ref"><a href="#source-3" aria-label="Source 3">[3]</a></sup>',
    )
    expect(html).toContain('b<sup class="footnote-ref"><a href="#source-1"')
    expect(html).toContain('c[7]')
    expect(html).toContain('<code>[1]</code>')
    expect(html).toContain(' [2] ')
    expect(html).toContain(
      '<a href="https://example.org" rel="noopener noreferrer" target="_blank">1</a>',
    )
    expect(html).toContain('[10, 11]')
  })

  it('lets a reference definition "[1]: …" keep its link meaning', () => {
    const html = renderMarkdown('See [1].\n\n[1]: https://example.org/one', {
      footnoteNumber: () => 5,
    })
    expect(html).toContain('<a href="https://example.org/one"')
    expect(html).not.toContain('#source-5')
  })
})

describe('footnote markers', () => {
  it('lists the markers of a text in reading order, not those in code or escaped', () => {
    expect(footnoteMarkersOf('a[2] b[1] `[3]` \\[4] [5](https://x.example) c[2]')).toEqual([
      2, 1, 2,
    ])
  })

  it('renumbers markers, splits groups and escapes markers with no footnote', () => {
    const order: number[] = []
    const text = renumberMarkers('a[2] b[1, 3] c[9] d[1](https://x.example) e\\[2]', (n) => {
      if (n === 9) return null
      if (!order.includes(n)) order.push(n)
      return order.indexOf(n) + 1
    })
    expect(text).toBe('a[1] b[2][3] c\\[9\\] d[1](https://x.example) e\\[2]')
    expect(renderMarkdown(text)).toContain('c[9]')
  })

  it('reads marker groups and ranges', () => {
    expect(markerNumbers('1, 2')).toEqual([1, 2])
    expect(markerNumbers('3–5')).toEqual([3, 4, 5])
    expect(markerNumbers('1-300')).toEqual([1])
  })
})

describe('safe links and imported text', () => {
  it.each([
    ['https://example.org', true],
    ['HTTP://example.org', true],
    ['mailto:a@example.org', true],
    ['/cases/x', true],
    ['#source-1', true],
    ['javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' JaVaScRiPt:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
    ['file:///etc/passwd', false],
  ])('%j is safe: %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe)
  })

  it('keeps pasted paragraphs from turning into headings, quotes or lists', () => {
    const text = escapeBlockSyntax('# 1 priority\n> not a quote\n- not a list\n1. not a list\n---')
    const html = renderMarkdown(text)
    expect(html).not.toMatch(/<h1|<blockquote|<ul|<ol|<hr/)
    expect(html).toContain('# 1 priority')
    expect(html).toContain('1. not a list')
  })
})
