// A horizontal bar chart of counts (cases by custody state, by country): one series, each bar
// labelled with its number, so nothing depends on colour.
import { Bar, BarChart, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartTable } from '~/charts/chart'
import { ChartFigure } from './chart-parts'

const ROW_HEIGHT = 30

export function countChartHeight(rows: number): number {
  return Math.max(120, rows * ROW_HEIGHT + 24)
}

export function CountBarChart({
  id,
  summary,
  table,
  csvHref,
  description,
}: {
  id: string
  summary: string
  table: ChartTable
  csvHref: string
  description: string
}) {
  const data = table.rows.map((row) => ({ name: row.header, count: Number(row.cells[0]) }))
  return (
    <ChartFigure
      id={id}
      summary={summary}
      table={table}
      csvHref={csvHref}
      height={countChartHeight(data.length)}
      description={description}
    >
      <BarChart
        data={data}
        layout="vertical"
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 4, right: 36, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <XAxis type="number" allowDecimals={false} hide />
        <YAxis
          type="category"
          dataKey="name"
          width={150}
          tick={{ fill: '#1a2233', fontSize: 13 }}
          tickLine={false}
        />
        <Tooltip itemStyle={{ color: '#1a2233' }} cursor={{ fill: 'rgb(29 63 114 / 8%)' }} />
        <Bar dataKey="count" name="Cases" fill="#1d3f72" barSize={18} isAnimationActive={false}>
          <LabelList dataKey="count" position="right" fill="#1a2233" fontSize={13} />
        </Bar>
      </BarChart>
    </ChartFigure>
  )
}
