import { describe, expect, it } from 'vitest'
import {
  actionsTable,
  addMonths,
  bucketLabel,
  bucketStart,
  bucketsBetween,
  buildActionSeries,
  chartSearch,
  defaultRange,
  describeRange,
  parseChartQuery,
  parseDateRange,
  summariseActions,
  unitForRange,
} from '../../../app/charts/chart'
import { chartTableCsv, csvCell, csvFileName, toCsv } from '../../../app/charts/table'

const TODAY = '2026-11-25'

describe('calendar buckets in UTC', () => {
  it.each([
    ['2023-01-01', 'week', '2022-12-26'], // a Sunday belongs to the ISO week that began on Monday
    ['2023-01-02', 'week', '2023-01-02'],
    ['2024-02-29', 'week', '2024-02-26'],
    ['2023-01-31', 'month', '2023-01-01'],
    ['2023-02-01', 'month', '2023-02-01'],
    ['2023-12-31', 'quarter', '2023-10-01'],
    ['2023-05-17', 'quarter', '2023-04-01'],
    ['2024-01-01', 'year', '2024-01-01'],
  ] as const)('puts %s in the %s starting %s', (day, unit, start) => {
    expect(bucketStart(day, unit)).toBe(start)
  })

  it('adds months keeping the day where the month has it', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2024-03-01', -23)).toBe('2022-04-01')
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15')
  })

  it('lists every bucket of a range, empty ones included, across a year boundary', () => {
    expect(bucketsBetween({ from: '2023-11-15', to: '2024-01-01' }, 'month')).toEqual([
      '2023-11-01',
      '2023-12-01',
      '2024-01-01',
    ])
    expect(bucketsBetween({ from: '2023-12-25', to: '2024-01-08' }, 'week')).toEqual([
      '2023-12-25',
      '2024-01-01',
      '2024-01-08',
    ])
  })

  it('labels buckets as people read them', () => {
    expect(bucketLabel('2023-02-01', 'month')).toBe('February 2023')
    expect(bucketLabel('2023-02-20', 'week')).toBe('Week of 20 February 2023')
    expect(bucketLabel('2023-04-01', 'quarter')).toBe('Q2 2023')
    expect(bucketLabel('2023-01-01', 'year')).toBe('2023')
  })

  it('counts by ISO week only when the range is under six months', () => {
    expect(unitForRange({ from: '2023-01-01', to: '2023-06-30' })).toBe('month')
    expect(unitForRange({ from: '2023-01-01', to: '2023-06-29' })).toBe('week')
    expect(unitForRange({ from: '2023-01-01', to: '2023-12-31' })).toBe('month')
  })
})

describe('the date range of the URL', () => {
  it('defaults to the last 24 months ending with this month', () => {
    expect(defaultRange(TODAY)).toEqual({ from: '2024-12-01', to: '2026-11-30' })
    expect(parseDateRange({}, TODAY)).toEqual({
      range: { from: '2024-12-01', to: '2026-11-30' },
      unit: 'month',
      messages: [],
    })
  })

  it('takes a year as asked, and a month written YYYY-MM as the whole month', () => {
    expect(parseDateRange({ from: '2023-01-01', to: '2023-12-31' }, TODAY).range).toEqual({
      from: '2023-01-01',
      to: '2023-12-31',
    })
    expect(parseDateRange({ from: '2023-02', to: '2023-03' }, TODAY)).toMatchObject({
      range: { from: '2023-02-01', to: '2023-03-31' },
      unit: 'week',
    })
  })

  it('answers an end before the start with the default range and says so', () => {
    const result = parseDateRange({ from: '2024-05-01', to: '2023-01-01' }, TODAY)
    expect(result.range).toEqual(defaultRange(TODAY))
    expect(result.messages).toEqual([
      'The end date (1 January 2023) is before the start date (1 May 2024), so the last 24 months are shown instead.',
    ])
  })

  it('cuts a 200-year range to the 20 years up to its end, and says so', () => {
    const result = parseDateRange({ from: '1900-01-01', to: '2099-12-31' }, TODAY)
    expect(result.range).toEqual({ from: '2080-01-01', to: '2099-12-31' })
    expect(result.unit).toBe('month')
    expect(result.messages[0]).toMatch(
      /about 200 years is too long to chart: the 20 years up to 31 December 2099/,
    )
  })

  it.each(['next week', '2023-02-30', '0001-01-01', '2023-13', '<script>'])(
    'ignores the unreadable start date %j with a message',
    (from) => {
      const result = parseDateRange({ from, to: '2023-12-31' }, TODAY)
      expect(result.messages[0]).toMatch(/The start date “.*” is not a date/)
      expect(result.range.to).toBe('2023-12-31')
      expect(result.range.from).toBe('2022-01-01')
    },
  )

  it('reads kinds, a case and an actor, dropping what it does not know with a message', () => {
    const params = new URLSearchParams(
      'kind=press_release&kind=astrology&kind=press_release&kind=meeting&case=abc&actor=7',
    )
    const query = parseChartQuery(params, TODAY)
    expect(query.kinds).toEqual(['press_release', 'meeting'])
    expect(query.caseId).toBeUndefined()
    expect(query.actorId).toBe(7)
    expect(query.messages).toEqual([
      'The kind of action “astrology” is not known and was ignored.',
      'The case chosen in the address is not one you can see, so the chart shows all cases.',
    ])
    expect(parseChartQuery(new URLSearchParams('case=-3'), TODAY).caseId).toBeUndefined()
    expect(parseChartQuery(new URLSearchParams('case=99999999999'), TODAY).caseId).toBeUndefined()
  })

  it('writes a chart URL with only what differs from the defaults', () => {
    const query = parseChartQuery(new URLSearchParams('kind=meeting&kind=press_release'), TODAY)
    expect(chartSearch(query, TODAY)).toBe('?kind=press_release&kind=meeting')
    expect(chartSearch({ ...query, kinds: [], caseId: 4 }, TODAY)).toBe('?case=4')
    expect(
      chartSearch({ ...query, kinds: [], range: { from: '2023-01-01', to: '2023-12-31' } }, TODAY),
    ).toBe('?from=2023-01-01&to=2023-12-31')
  })
})

describe('summaries computed from the data', () => {
  const year = { from: '2023-01-01', to: '2023-12-31' }

  it('names the range as people say it', () => {
    expect(describeRange(year)).toBe('in 2023')
    expect(describeRange({ from: '2023-02-01', to: '2023-02-28' })).toBe('in February 2023')
    expect(describeRange({ from: '2022-01-01', to: '2023-06-30' })).toBe(
      'from January 2022 to June 2023',
    )
    expect(describeRange({ from: '2023-01-03', to: '2023-03-15' })).toBe(
      'from 3 January 2023 to 15 March 2023',
    )
  })

  it.each([
    [
      { letter_to_authorities: 30, press_release: 12 },
      '42 actions in 2023, most of them letters to authorities.',
    ],
    [{ press_release: 1 }, '1 action in 2023 (press release).'],
    [{ un_submission: 3 }, '3 actions in 2023, all of them UN submissions.'],
    [{ meeting: 2, press_release: 2 }, '4 actions in 2023, of 2 kinds.'],
    [
      { meeting: 2, press_release: 1, urgent_appeal: 1 },
      '4 actions in 2023, most often meetings (2).',
    ],
    [{}, 'No advocacy actions recorded in 2023.'],
  ])('summarises %j', (byKind, sentence) => {
    expect(summariseActions({ byKind, range: year })).toBe(sentence)
  })

  it('adds who it is about and the busiest period', () => {
    expect(
      summariseActions({
        byKind: { press_release: 5 },
        range: year,
        subject: 'for Idris Arsamikov',
        busiest: { label: 'February 2023', count: 3 },
      }),
    ).toBe(
      '5 actions in 2023 for Idris Arsamikov, all of them press releases; the busiest was February 2023 with 3.',
    )
  })
})

describe('the chart table and its CSV', () => {
  const range = { from: '2023-01-01', to: '2023-03-31' }
  const counts = [
    { bucket: '2023-01-01', kind: 'press_release' as const, count: 2 },
    { bucket: '2023-02-01', kind: 'press_release' as const, count: 1 },
    { bucket: '2023-02-01', kind: 'meeting' as const, count: 4 },
    { bucket: null, kind: 'meeting' as const, count: 1 },
  ]

  it('places every count in its bucket and keeps imprecise dates in their own row', () => {
    const series = buildActionSeries({ counts, range, unit: 'month' })
    expect(series.kinds).toEqual(['press_release', 'meeting'])
    expect(series.total).toBe(8)
    expect(series.unplaced).toBe(1)
    expect(series.busiest).toEqual({ label: 'February 2023', count: 5 })
    const table = actionsTable(series, 'Actions')
    expect(table.columns).toEqual(['Press release', 'Meeting', 'Total'])
    expect(table.rows.map((r) => [r.header, ...r.cells])).toEqual([
      ['January 2023', 2, 0, 2],
      ['February 2023', 1, 4, 5],
      ['March 2023', 0, 0, 0],
      ['Dated only to the year', 0, 1, 1],
    ])
  })

  it('names no busiest period when two share the top', () => {
    const tie = [
      { bucket: '2023-01-01', kind: 'meeting' as const, count: 2 },
      { bucket: '2023-03-01', kind: 'meeting' as const, count: 2 },
    ]
    expect(buildActionSeries({ counts: tie, range, unit: 'month' }).busiest).toBeNull()
  })

  it('keeps only the chosen kinds but remembers all kinds present for the legend', () => {
    const series = buildActionSeries({ counts, range, unit: 'month', kinds: ['meeting'] })
    expect(series.kinds).toEqual(['meeting'])
    expect(series.kindsPresent).toEqual([
      { kind: 'press_release', count: 3 },
      { kind: 'meeting', count: 5 },
    ])
    expect(series.total).toBe(5)
  })

  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\tTab', "'\tTab"],
    ['Smith, John', '"Smith, John"'],
    ['He said "no"', '"He said ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['Идрис Арсамиков', 'Идрис Арсамиков'],
  ])('writes the cell %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('leaves numbers alone and ends every line with CRLF', () => {
    expect(csvCell(-3)).toBe('-3')
    expect(
      toCsv([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('a,1\r\nb,2\r\n')
  })

  it('writes exactly the table: headings, row headers and cells', () => {
    const table = actionsTable(buildActionSeries({ counts, range, unit: 'month' }), 'Actions')
    expect(chartTableCsv(table).split('\r\n')).toEqual([
      'Month,Press release,Meeting,Total',
      'January 2023,2,0,2',
      'February 2023,1,4,5',
      'March 2023,0,0,0',
      'Dated only to the year,0,1,1',
      '',
    ])
  })

  it('names the download with safe characters only', () => {
    expect(csvFileName('advocacy-actions', '2023-01-01', 'to', '2023-12-31')).toBe(
      'advocacy-actions-2023-01-01-to-2023-12-31.csv',
    )
    expect(csvFileName('../../etc/"passwd"')).toBe('etc-passwd.csv')
  })
})
