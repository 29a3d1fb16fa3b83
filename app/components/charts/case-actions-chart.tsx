// The case page's chart: this case's advocacy actions over time, with its custody changes drawn as
// labelled lines, so a reader can see whether pressure preceded a release. The case route's loader
// gets the data from getCaseActionChart (app/models/action-chart.server.ts).
import type { ActionSeries, ChartTable } from '~/charts/chart'
import { labelOf } from '~/domain/vocabularies'
import { ActionBars } from './action-bars'
import { ChartFigure } from './chart-parts'
import { KindSwatch, PatternDefs } from './patterns'

export type CaseActionChartData = {
  series: ActionSeries
  summary: string
  table: ChartTable
  custodyChanges: { bucket: string; label: string }[]
  earlierChanges: number
}

export function CaseActionsChart({
  caseId,
  chart,
  headingId = 'case-actions-chart-title',
}: {
  caseId: number
  chart: CaseActionChartData
  headingId?: string
}) {
  const prefix = `case-${caseId}-actions`
  const unit = chart.series.unit === 'quarter' ? 'quarter' : 'month'
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Advocacy actions and custody changes</h2>
      {chart.series.total === 0 && chart.custodyChanges.length === 0 ? (
        <p className="empty-state">No actions or custody changes recorded yet.</p>
      ) : (
        <ChartFigure
          id={prefix}
          summary={chart.summary}
          table={chart.table}
          csvHref={`/dashboard/csv?chart=case&case=${caseId}`}
          height={300}
          description={`Stacked bar chart of this case's advocacy actions per ${unit}, with a dashed line at each custody change.`}
          legend={
            <>
              <PatternDefs prefix={prefix} kinds={chart.series.kinds} />
              <ul className="chart-legend chart-legend--static" aria-label="Kinds of action">
                {chart.series.kinds.map((kind) => (
                  <li key={kind} className="chart-legend__item">
                    <KindSwatch prefix={prefix} kind={kind} /> {labelOf(kind)}
                  </li>
                ))}
                {chart.custodyChanges.length ? (
                  <li className="chart-legend__item">
                    <span className="chart-legend__line" aria-hidden="true" /> Custody change
                  </li>
                ) : null}
              </ul>
              {chart.earlierChanges > 0 ? (
                <p className="muted chart__note">
                  {chart.earlierChanges} earlier custody{' '}
                  {chart.earlierChanges === 1 ? 'change is' : 'changes are'} before the ten years
                  shown.
                </p>
              ) : null}
            </>
          }
        >
          <ActionBars series={chart.series} prefix={prefix} lines={chart.custodyChanges} />
        </ChartFigure>
      )}
    </section>
  )
}
