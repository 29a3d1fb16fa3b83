// The import's own steps (the parser has its tests beside this file): reading uploaded files,
// the issuer and addressee from the title, which footnote becomes which citation, and the
// confirmation form's validation.
import { describe, expect, it } from 'vitest'
import {
  committeesOf,
  decodeImportFile,
  guessActorKind,
  issuerFromTitle,
  planImportCitations,
  targetFromTitle,
} from '../../../app/document-import/plan'
import {
  fieldName,
  ImportConfirmSchema,
  importValuesFromForm,
  type ImportValues,
} from '../../../app/document-import/schema'
import { fieldErrorsOf } from '../../../app/utils/forms'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('reading an uploaded file', () => {
  it('reads UTF-8 text and drops a byte-order mark', () => {
    expect(decodeImportFile('release.txt', utf8('\ufeffBrüssel, 22. Februar'))).toEqual({
      ok: true,
      text: 'Brüssel, 22. Februar',
    })
    expect(decodeImportFile('release.md', utf8('# Title')).ok).toBe(true)
    expect(decodeImportFile('no-extension', utf8('text')).ok).toBe(true)
  })

  it.each([
    ['a PDF by its name', 'release.pdf', utf8('%PDF-1.7'), /not a text file/],
    [
      'a binary file',
      'release.txt',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
      /not plain text/,
    ],
    [
      'Latin-1 text',
      'release.txt',
      new Uint8Array([0x42, 0x72, 0xfc, 0x73, 0x73, 0x65, 0x6c]),
      /not UTF-8/,
    ],
    ['UTF-16 text', 'release.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
    ['a file over 1 MB', 'release.txt', new Uint8Array(1_000_001).fill(0x61), /larger than 1 MB/],
  ])('refuses %s with a clear message', (_, name, bytes, message) => {
    const result = decodeImportFile(name, bytes)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })
})

describe('reading the title', () => {
  it.each([
    [
      'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
      'LGBTI Intergroup',
      'Chechen authorities',
    ],
    [
      'LGBTI Intergroup renews its call on Chechen authorities to release Idris Arsamikov',
      'LGBTI Intergroup',
      'Chechen authorities',
    ],
    ['MEPs urge the Belarusian government to free Ana Testova', 'MEPs', 'Belarusian government'],
    [
      'Amnesty International condemns the sentencing of a journalist',
      'Amnesty International',
      null,
    ],
    ['Journalists detained in Moscow', null, null],
  ])('%j: issuer %j, addressee %j', (title, issuer, target) => {
    expect(issuerFromTitle(title)).toBe(issuer)
    expect(targetFromTitle(title)).toBe(target)
  })

  it('guesses the kind of a new actor and the committees in roles', () => {
    expect(guessActorKind('LGBTI Intergroup')).toBe('intergroup')
    expect(guessActorKind('Chechen authorities')).toBe('authority')
    expect(guessActorKind('Government of Azerbaijan')).toBe('government')
    expect(guessActorKind('Press Freedom Now')).toBe('organisation')
    expect(
      committeesOf(['Member in the Foreign Affairs Committee (AFET)', 'Substitute (LIBE)']),
    ).toEqual(['AFET', 'LIBE'])
  })
})

describe('planning the citations of an import', () => {
  it('cites body markers in order of first use, then footnotes nobody cites; quotes cite their own', () => {
    const plan = planImportCitations({
      body: 'A[2] b[1, 3] c[2] d[9]',
      quoteBodies: ['Q[3]', 'None'],
      footnoteNumbers: [1, 2, 3, 4],
    })
    expect(plan).toEqual({
      body: 'A[1] b[2][3] c[1] d\\[9\\]',
      quoteBodies: ['Q[1]', 'None'],
      documentFootnotes: [2, 1, 3, 4],
      quoteFootnotes: [[3], []],
    })
  })
})

function baseValues(): ImportValues {
  return {
    contentHash: 'a'.repeat(64),
    title: 'A release',
    place: 'Brussels',
    documentDate: '2024-04-05',
    datePrecision: 'day',
    language: 'en',
    issuer: 'new',
    issuerName: 'Press Freedom Now',
    issuerKind: 'organisation',
    target: '',
    targetName: '',
    targetKind: 'authority',
    body: 'Text[1]',
    quotes: [
      {
        speakerLabel: 'Jane Roe MEP (Renew), said:',
        actor: 'new',
        name: 'Jane Roe',
        kind: 'mep',
        politicalGroup: 'Renew',
        roles: 'Member in the Foreign Affairs Committee (AFET)\n',
        body: 'Free her.',
      },
    ],
    footnotes: [
      {
        number: '1',
        source: 'new',
        matchId: '',
        title: 'A report',
        publisher: 'Example',
        date: '2024-03',
        url: '',
        urlMissing: 'true',
      },
    ],
    contacts: [{ actor: '', name: 'Skipped', office: '', email: '', phone: '' }],
    caseOptions: ['3'],
    caseIds: ['3'],
    warnings: [],
  }
}

function confirmErrors(values: ImportValues) {
  const result = ImportConfirmSchema.safeParse(values)
  return result.success ? {} : fieldErrorsOf(result.error)
}

describe('confirming an import', () => {
  it('reads the preview form back, field by field', () => {
    const raw = {
      title: 'T',
      [fieldName('quote', 0, 'body')]: 'Q0',
      [fieldName('quote', 1, 'name')]: 'N1',
      [fieldName('footnote', 0, 'number')]: '1',
      caseIds: ['3'],
    }
    const values = importValuesFromForm(raw)
    expect(values.title).toBe('T')
    expect(values.quotes).toHaveLength(2)
    expect(values.quotes[1]).toMatchObject({ name: 'N1', body: '' })
    expect(values.footnotes).toHaveLength(1)
    expect(values.contacts).toHaveLength(0)
    expect(values.caseIds).toEqual(['3'])
  })

  it('turns a valid preview into what the import writes', () => {
    const input = ImportConfirmSchema.parse(baseValues())
    expect(input.document).toEqual({
      title: 'A release',
      place: 'Brussels',
      date: { date: '2024-04-05', precision: 'day' },
      language: 'en',
      body: 'Text[1]',
    })
    expect(input.issuer).toEqual({
      create: expect.objectContaining({ name: 'Press Freedom Now', kind: 'organisation' }),
    })
    expect(input.quotes[0]!.speaker).toEqual({
      create: expect.objectContaining({ name: 'Jane Roe', kind: 'mep', committees: ['AFET'] }),
    })
    expect(input.footnotes[0]!.source).toEqual({
      create: {
        title: 'A report',
        publisher: 'Example',
        published: { date: '2024-03-01', precision: 'month' },
        url: null,
        urlMissing: true,
      },
    })
    expect(input.contacts).toEqual([])
    expect(input.caseIds).toEqual([3])
  })

  it('asks for the date when the text had none', () => {
    expect(confirmErrors({ ...baseValues(), documentDate: '' }).documentDate?.[0]).toMatch(
      /Enter the date of the press release/,
    )
  })

  it.each([
    ['title', { title: ' ' }, 'title', 'Enter the title'],
    [
      'a new speaker without a name',
      { quotes: [{ ...baseValues().quotes[0]!, name: '' }] },
      fieldName('quote', 0, 'name'),
      'Enter the name',
    ],
    [
      'an empty quote',
      { quotes: [{ ...baseValues().quotes[0]!, body: ' ' }] },
      fieldName('quote', 0, 'body'),
      'Enter the words quoted',
    ],
    [
      'a quote over 50,000 characters',
      { quotes: [{ ...baseValues().quotes[0]!, body: 'x'.repeat(50_001) }] },
      fieldName('quote', 0, 'body'),
      'at most 50,000',
    ],
    [
      'a javascript: source address',
      { footnotes: [{ ...baseValues().footnotes[0]!, url: 'javascript:alert(1)' }] },
      fieldName('footnote', 0, 'url'),
      'http://',
    ],
    [
      'a bad source date',
      { footnotes: [{ ...baseValues().footnotes[0]!, date: 'last week' }] },
      fieldName('footnote', 0, 'date'),
      'YYYY-MM-DD',
    ],
    [
      'two footnotes [1]',
      { footnotes: [baseValues().footnotes[0]!, baseValues().footnotes[0]!] },
      fieldName('footnote', 1, 'number'),
      'two footnotes [1]',
    ],
    ['a lost fingerprint', { contentHash: 'x' }, 'contentHash', 'paste the press release again'],
    ['a made-up case', { caseIds: ['abc'] }, 'caseIds', 'Choose cases'],
    ['an unknown kind of actor', { issuerKind: 'wizard' }, 'issuer', 'Choose a kind'],
  ])('refuses %s', (_, change, field, message) => {
    expect(confirmErrors({ ...baseValues(), ...change } as ImportValues)[field]?.[0]).toContain(
      message,
    )
  })
})
