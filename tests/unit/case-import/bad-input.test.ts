// Each "Bad input" of the import issue, from bytes to planned rows: a clear message, never a guess.
import { describe, expect, it } from 'vitest'
import { decodeCsvBytes } from '../../../app/case-import/decode'
import { suggestMapping } from '../../../app/case-import/fields'
import { checkMapping } from '../../../app/case-import/mapping'
import { columnLabels, parseCsvText } from '../../../app/case-import/parse'
import { planRow } from '../../../app/case-import/plan'
import { problemRows } from '../../../app/case-import/problems-csv'
import { parseImportDate } from '../../../app/case-import/values'
import { csvRows } from '../../../app/utils/csv'

const bytes = (text: string) => new TextEncoder().encode(text)
const read = (text: string) => {
  const decoded = decodeCsvBytes(bytes(text))
  if (!decoded.ok) return decoded
  return parseCsvText(decoded.text)
}
const planOf = (text: string) => {
  const parsed = parseCsvText(text)
  if (!parsed.ok) throw new Error(parsed.error)
  const { headers, rows } = parsed.value
  const context = {
    labels: columnLabels(headers),
    mapping: suggestMapping(headers),
    today: '2026-11-30',
  }
  return rows.map((row) => planRow(context, row))
}

describe('files the import refuses', () => {
  it('an empty file, or one of blank lines', () => {
    expect(decodeCsvBytes(new Uint8Array())).toMatchObject({
      ok: false,
      error: expect.stringContaining('empty'),
    })
    expect(read('\r\n\r\n')).toMatchObject({ ok: false, error: expect.stringContaining('empty') })
  })
  it('a header with no rows', () => {
    expect(read('Name,Country\r\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('no rows'),
    })
  })
  it('a file without a header line', () => {
    const result = read('Ilham Tohti,2014-01-15,https://example.org/a\n')
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('no header line') })
  })
  it('50,001 rows, but not 50,000', { timeout: 60_000 }, () => {
    const rows = (n: number) =>
      `Name\n${Array.from({ length: n }, (_, i) => `Person ${i}`).join('\n')}\n`
    expect(read(rows(50_001))).toMatchObject({
      ok: false,
      error: expect.stringContaining('more than 50,000 rows'),
    })
    expect(read(rows(50_000))).toMatchObject({ ok: true })
  })
  it('text that is not UTF-8, naming the line of its first bad byte', () => {
    const latin1 = new Uint8Array([
      ...bytes('Name,Country\nIdris,Russia\nJos'),
      0xe9,
      ...bytes(',France\n'),
    ])
    const result = decodeCsvBytes(latin1)
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not UTF-8: line 3 holds the byte 0xE9/),
    })
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x4e, 0x00]))).toMatchObject({
      ok: false,
      error: expect.stringContaining('UTF-16'),
    })
  })
  it('an unbalanced quote, naming its line', () => {
    expect(read('Name,Country\nA,B\n"Unclosed,Russia\nC,D\n')).toMatchObject({
      ok: false,
      error: expect.stringContaining('never closes'),
    })
    expect(read('Name,Country\nA "quoted" name,Russia\n')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Line 2: a quote/),
    })
  })
})

describe('files the import reads', () => {
  it('UTF-8 with a byte-order mark, Windows line endings and a quoted newline, lines counted right', () => {
    const result = read('\uFEFFName;Notes\r\n刘晓波;"two\r\nlines"\r\nАрсамиков;x\r\n')
    expect(result).toEqual({
      ok: true,
      value: {
        delimiter: ';',
        headers: ['Name', 'Notes'],
        rows: [
          { line: 2, cells: ['刘晓波', 'two\nlines'] },
          { line: 4, cells: ['Арсамиков', 'x'] },
        ],
      },
    })
  })
  it('tab-separated files', () => {
    expect(read('Name\tCountry\nA\tB\n')).toMatchObject({
      ok: true,
      value: { delimiter: '\t', rows: [{ cells: ['A', 'B'] }] },
    })
  })
})

describe('mappings the import refuses', () => {
  it('no full name column, or a field chosen for two columns', () => {
    const labels = columnLabels(['Name', 'Name', 'Country'])
    expect(labels).toEqual(['Name', 'Name (column 2)', 'Country'])
    const missing = checkMapping(labels, {
      columns: [{ kind: 'notes' }, { kind: 'notes' }, { kind: 'field', field: 'country' }],
      constants: {},
    })
    expect(missing.mapping).toContain('No column is mapped to Full name')
    const twice = checkMapping(labels, {
      columns: [
        { kind: 'field', field: 'fullName' },
        { kind: 'field', field: 'fullName' },
        { kind: 'ignore' },
      ],
      constants: {},
    })
    expect(twice['column-1']).toContain('already the column "Name"')
    expect(suggestMapping(['Name', 'Name']).columns).toEqual([
      { kind: 'field', field: 'fullName' },
      { kind: 'notes' },
    ])
  })
  it('a value for every row outside its vocabulary', () => {
    const errors = checkMapping(['Name'], {
      columns: [{ kind: 'field', field: 'fullName' }],
      constants: { custodyState: 'jailed' },
    })
    expect(errors['constant-custodyState']).toContain('Pre-trial detention')
  })
})

describe('cells the import reports', () => {
  it('dates that are not real, or not dates, and words that are not dates', () => {
    expect(parseImportDate('2019-13-40')).toEqual({
      kind: 'invalid',
      message: '2019-13-40 is not a real date',
    })
    expect(parseImportDate('20191')).toMatchObject({ kind: 'invalid' })
    expect(parseImportDate('2019-07')).toEqual({
      kind: 'date',
      value: { date: '2019-07-01', precision: 'month' },
    })
    expect(parseImportDate('life')).toEqual({ kind: 'text' })
    const [row] = planOf('Name,Detained since\nA,20191\n')
    expect(row!.problems).toMatchObject([
      { line: 2, column: 'Detained since', value: '20191', severity: 'error' },
    ])
  })
  it('a custody state not in the vocabulary', () => {
    const [row] = planOf('Name,Status\nA,jailed\n')
    expect(row!.problems).toMatchObject([
      { column: 'Status', value: 'jailed', message: 'Unknown custody state' },
    ])
  })
  it('a 10,000-character cell: too long for a name, kept whole in the notes', () => {
    const long = 'x'.repeat(10_000)
    const [asName] = planOf(`Name\n${long}\n`)
    expect(asName!.problems).toMatchObject([
      {
        column: 'Name',
        message: 'Too long: 10,000 characters',
        expected: 'at most 200 characters',
      },
    ])
    const [asNote] = planOf(`Name,Story\nA,${long}\n`)
    expect(asNote!.problems).toEqual([])
    expect(asNote!.notes).toEqual([`Story: ${long}`])
  })
  it('formula-looking cells: imported as plain text, neutralised in the problems CSV', () => {
    const formula = '=HYPERLINK("https://evil.example","click")'
    const [row, bad] = planOf(
      `Name,Status\n"${formula.replace(/"/g, '""')}",detained\n"+cmd",jailed\n`,
    )
    expect(row!.fields.fullName).toBe(formula)
    const csv = csvRows(
      problemRows(['Name', 'Status'], [{ line: 3, cells: ['+cmd', 'jailed'] }], bad!.problems),
    )
    expect(csv).toContain("'+cmd")
    expect(csv).not.toMatch(/(^|,)\+cmd/m)
    // A neutralised cell of our own exports reads back as written.
    expect(planOf(`Name\n'=SUM(A1)\n`)[0]!.fields.fullName).toBe('=SUM(A1)')
  })
})
