// The stacked bars of advocacy actions over time (recharts), shared by the dashboard and the case
// page. Kinds are filled with patterns (see patterns.tsx); custody changes become labelled lines.
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { ActionSeries, BucketUnit } from '~/charts/chart'
import { labelOf } from '~/domain/vocabularies'
import { patternId } from './patterns'

const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** Axis ticks: "Feb 2023", "20 Feb", "Q1 2023", "2023". */
function shortLabel(key: string, unit: BucketUnit): string {
  const [year, month, day] = key.split('-')
  const monthName = SHORT_MONTHS[Number(month) - 1] ?? ''
  if (unit === 'week') return `${Number(day)} ${monthName}`
  if (unit === 'month') return `${monthName} ${year}`
  if (unit === 'quarter') return `Q${Math.floor((Number(month) - 1) / 3) + 1} ${year}`
  return year ?? key
}

const AXIS_TICK = { fill: '#4a5568', fontSize: 12 }

export function ActionBars({
  series,
  prefix,
  hidden = [],
  lines = [],
}: {
  series: ActionSeries
  prefix: string
  hidden?: readonly string[]
  lines?: { bucket: string; label: string }[]
}) {
  const labels = new Map(series.points.map((p) => [p.key, p.label]))
  const grouped = new Map<string, string[]>()
  for (const line of lines)
    grouped.set(line.bucket, [...(grouped.get(line.bucket) ?? []), line.label])
  return (
    <BarChart
      data={series.points}
      responsive
      style={{ width: '100%', height: '100%' }}
      margin={{ top: lines.length ? 28 : 8, right: 12, bottom: 4, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="#d9dee7" />
      <XAxis
        dataKey="key"
        tickFormatter={(key: string) => shortLabel(key, series.unit)}
        tick={AXIS_TICK}
        interval="preserveStartEnd"
        minTickGap={12}
      />
      <YAxis allowDecimals={false} width={36} tick={AXIS_TICK} />
      <Tooltip
        labelFormatter={(key) => labels.get(String(key)) ?? String(key)}
        itemStyle={{ color: '#1a2233' }}
        cursor={{ fill: 'rgb(29 63 114 / 8%)' }}
      />
      {series.kinds
        .filter((kind) => !hidden.includes(kind))
        .map((kind) => (
          <Bar
            key={kind}
            dataKey={kind}
            name={labelOf(kind)}
            stackId="actions"
            fill={`url(#${patternId(prefix, kind)})`}
            stroke="#ffffff"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      {[...grouped].map(([bucket, texts], i) => (
        <ReferenceLine
          key={bucket}
          x={bucket}
          stroke="#1a2233"
          strokeWidth={2}
          strokeDasharray="5 3"
          label={{
            value: texts.join(' · '),
            position: i % 2 ? 'insideTopLeft' : 'top',
            fill: '#1a2233',
            fontSize: 12,
          }}
        />
      ))}
    </BarChart>
  )
}
