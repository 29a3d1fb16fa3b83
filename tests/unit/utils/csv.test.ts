import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import {
  BOM,
  csvFileName,
  csvResponse,
  csvRows,
  csvStream,
  csvStreamResponse,
} from '../../../app/utils/csv'

async function* batches<T>(...items: T[]) {
  for (const item of items) yield item
}

/** The bytes as written, byte-order mark included (Response.text() would drop it). */
async function streamText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

describe('the shared CSV writer', () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example","click")',
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    ],
    ['+7 495 123', "'+7 495 123"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['＝1+1', "'＝1+1"],
    ['a = b', 'a = b'],
    ['刘晓波', '刘晓波'],
  ])('neutralises a formula-looking cell: %j', (value, cell) => {
    expect(csvRows([[value]])).toBe(`${cell}\r\n`)
  })

  it('leaves numbers, empty and missing values alone, and quotes what RFC 4180 says', () => {
    expect(csvRows([[-3, 0, null, undefined, '', 'a,b', 'x\ny', ' padded']])).toBe(
      `-3,0,,,,"a,b","x\ny"," padded"\r\n`,
    )
  })

  it('reads back exactly, text and all, apart from the apostrophe of a neutralised cell', () => {
    const rows = [
      ['name', 'note'],
      ['Идрис Арсамиков', 'said "no", then\r\nleft'],
      ['=1+1', '  spaced  '],
    ]
    expect(parse(csvRows(rows))).toEqual([rows[0], rows[1], ["'=1+1", '  spaced  ']])
  })

  it('streams a BOM, the header and each batch, asking for a batch only when read', async () => {
    let asked = 0
    async function* counted() {
      for (const batch of [[['a', 1]], [], [['=b', 2]]]) {
        asked++
        yield batch
      }
    }
    const stream = csvStream(['name', 'n'], counted())
    expect(asked).toBe(0)
    const text = await streamText(stream)
    expect(asked).toBe(3)
    expect(text).toBe(`${BOM}name,n\r\na,1\r\n'=b,2\r\n`)
  })

  it('stops reading batches when the download is cancelled', async () => {
    let finished = false
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield [[`row ${i}`]]
      } finally {
        finished = true
      }
    }
    const reader = csvStream(['x'], endless()).getReader()
    await reader.read()
    await reader.read()
    await reader.cancel()
    expect(finished).toBe(true)
  })

  it('answers a download with its name, type and no caching', async () => {
    for (const response of [
      csvResponse([['a'], ['b']], 'cases-2026-11-30.csv'),
      csvStreamResponse(['a'], batches([['b']]), 'cases-2026-11-30.csv'),
    ]) {
      expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('Content-Disposition')).toBe(
        'attachment; filename="cases-2026-11-30.csv"',
      )
      expect(response.headers.get('Cache-Control')).toMatch(/no-store/)
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(`${BOM}a\r\nb\r\n`)
    }
  })

  it('names files with safe characters only', () => {
    expect(csvFileName('cases', '2026-11-30')).toBe('cases-2026-11-30.csv')
    expect(csvFileName('../"x"')).toBe('x.csv')
    expect(csvFileName('')).toBe('export.csv')
  })
})
