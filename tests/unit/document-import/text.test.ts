import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePressRelease } from '../../../app/document-import/press-release'
import { sha256Hex } from '../../../app/document-import/sha256'
import {
  contentHashOf,
  exceedsImportLimit,
  guessLanguage,
  MAX_IMPORT_BYTES,
  normaliseText,
} from '../../../app/document-import/release-text'

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

describe('sha256Hex', () => {
  it('gives the known digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('agrees with node:crypto at block boundaries and beyond ASCII', () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'x'.repeat(length)
      expect(sha256Hex(text)).toBe(nodeSha256(text))
    }
    const mixed = 'Malin Björk – Идрис Арсамиков “quote” 🏳️‍🌈'
    expect(sha256Hex(mixed)).toBe(nodeSha256(mixed))
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        (s) => sha256Hex(s) === nodeSha256(s),
      ),
      { numRuns: 100 },
    )
  })
})

describe('normaliseText', () => {
  it('unifies line endings, spaces, BOM and blank-line runs, keeping quotation marks', () => {
    expect(normaliseText('\ufeffA\u00a0b  \r\n\r\n\r\n\rC’s “d”\u200b\t\n\n')).toBe(
      'A b\n\nC’s “d”',
    )
  })

  it('composes decomposed letters (NFC)', () => {
    expect(normaliseText('Bjo\u0308rk')).toBe('Björk')
  })
})

describe('contentHashOf', () => {
  it('is the same for the same text with other line endings, trailing spaces or blank lines', () => {
    const text = 'Title\n\nBrussels, 22 February 2023\n\nBody.'
    const hash = contentHashOf(text)
    expect(hash).toBe(nodeSha256(text))
    expect(contentHashOf(text.replace(/\n/g, '\r\n'))).toBe(hash)
    expect(contentHashOf(text.replace(/\n/g, '  \n'))).toBe(hash)
    expect(contentHashOf(`\n\n${text.replace(/\n\n/g, '\n\n\n\n')}\n`)).toBe(hash)
    expect(contentHashOf(text.replace('Body', 'body'))).not.toBe(hash)
  })

  it('is what parsePressRelease reports', () => {
    const text = 'Title\r\n\r\nBody.'
    const result = parsePressRelease(text)
    expect(result.ok && result.value.contentHash).toBe(contentHashOf(text))
  })
})

describe('exceedsImportLimit', () => {
  it('counts UTF-8 bytes', () => {
    expect(exceedsImportLimit('a'.repeat(MAX_IMPORT_BYTES))).toBe(false)
    expect(exceedsImportLimit('é'.repeat(MAX_IMPORT_BYTES / 2 + 1))).toBe(true)
  })
})

describe('guessLanguage', () => {
  it('tells English from French, and says nothing when unsure', () => {
    expect(
      guessLanguage('The release of Idris is a matter for the authorities and the courts.'),
    ).toBe('en')
    expect(
      guessLanguage('La libération de Idris est une question pour les autorités et la justice.'),
    ).toBe('fr')
    expect(guessLanguage('Idris Arsamikov')).toBeNull()
  })
})

describe('parsePressRelease on any input', () => {
  it('never throws, and either refuses or returns a well-formed preview', () => {
    const pieces = fc.constantFrom(
      'Press release: ',
      'Brussels, 22 February 2023',
      '[1]',
      '[2] The Moscow Times (16 February 2023), “X”, accessible at',
      'Jane Doe MEP (Renew) said:',
      '“Quote,” said Jane Doe.',
      'Press contacts:',
      'Office of X – Y (',
      '\r\n',
      '\n\n',
      ' ',
      '“',
      '(',
      'a@b.co',
    )
    const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 })), { maxLength: 40 })
    fc.assert(
      fc.property(text, (parts) => {
        const result = parsePressRelease(parts.join(''))
        if (!result.ok) return result.code === 'empty'
        const { value } = result
        return (
          value.contentHash.length === 64 &&
          value.body.every((p) => !/\[\d+\]/.test(p.text)) &&
          value.warnings.every((w) => w.message.length > 0)
        )
      }),
      { numRuns: 500 },
    )
  })

  // Speed is measured by `npm run bench`, not asserted here.
  it('parses a release just under the size limit', () => {
    const block = 'Paragraph with a claim.[1] “Quote,” said Jane Doe MEP (Renew).\n\n'
    const copies = Math.floor((MAX_IMPORT_BYTES - 100) / Buffer.byteLength(block))
    const text = `Press release: Big\n\n${block.repeat(copies)}`
    const result = parsePressRelease(text)
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.title).toBe('Big')
  })
})
