// The dashboard's "Advocacy actions over time": stacked bars by kind with a legend whose entries
// hide or show a kind. The legend entries are links that change the URL, so they work without
// JavaScript and the table, the CSV and the chart always show the same kinds.
import { Link } from '@remix-run/react'
import type { ActionSeries, ChartTable } from '~/charts/chart'
import { labelOf, type ActionKind } from '~/domain/vocabularies'
import { ActionBars } from './action-bars'
import { ChartFigure } from './chart-parts'
import { KindSwatch, PatternDefs } from './patterns'

export type LegendItem = { kind: ActionKind; count: number; hidden: boolean; href: string }

const PREFIX = 'actions-over-time'

export function ActionsOverTimeChart({
  series,
  summary,
  table,
  csvHref,
  legend,
}: {
  series: ActionSeries
  summary: string
  table: ChartTable
  csvHref: string
  legend: LegendItem[]
}) {
  const unit = series.unit === 'week' ? 'ISO week' : 'month'
  return (
    <ChartFigure
      id={PREFIX}
      summary={summary}
      table={table}
      csvHref={csvHref}
      height={320}
      description={`Stacked bar chart of advocacy actions per ${unit}, one pattern per kind of action.`}
      legend={
        <>
          <PatternDefs prefix={PREFIX} kinds={series.kindsPresent.map((k) => k.kind)} />
          {legend.length > 0 ? (
            <p className="chart__hint" id={`${PREFIX}-legend-hint`}>
              Choose a kind of action to hide or show it.
            </p>
          ) : null}
          {legend.length > 0 ? (
            <ul className="chart-legend" aria-labelledby={`${PREFIX}-legend-hint`}>
              {legend.map((item) => (
                <li key={item.kind}>
                  <Link
                    to={item.href}
                    preventScrollReset
                    className={
                      item.hidden
                        ? 'chart-legend__item chart-legend__item--hidden'
                        : 'chart-legend__item'
                    }
                  >
                    <KindSwatch prefix={PREFIX} kind={item.kind} />
                    <span className="visually-hidden">{item.hidden ? 'Show ' : 'Hide '}</span>
                    {labelOf(item.kind)} <span className="chart-legend__count">({item.count})</span>
                    {item.hidden ? <span className="chart-legend__state"> hidden</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      }
    >
      <ActionBars series={series} prefix={PREFIX} />
    </ChartFigure>
  )
}
