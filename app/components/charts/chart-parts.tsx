// What every chart has besides its drawing: a figure whose caption states the message, the data as
// a server-rendered table, and a CSV download of exactly that table. No recharts here, so a page
// can show a table without loading the chart library.
import { useSyncExternalStore, type ReactNode } from 'react'
import type { ChartTable } from '~/charts/chart'

const subscribe = () => () => {}

/** False on the server and while hydrating, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

export function ChartTableView({ table, id }: { table: ChartTable; id: string }) {
  return (
    <div className="table-wrap chart__table">
      <table className="data-table data-table--chart" id={id}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeading}</th>
            {table.columns.map((column) => (
              <th scope="col" className="numeric" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length + 1} className="muted">
                Nothing to count yet.
              </td>
            </tr>
          ) : (
            table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell, i) => (
                  <td key={i} className={typeof cell === 'number' ? 'numeric' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The figure: caption (the message), an optional legend, the drawing in a box of fixed height (drawn
 * only in the browser: recharts renders no SVG on the server), the table, and the CSV link.
 */
export function ChartFigure({
  id,
  summary,
  table,
  csvHref,
  height,
  description,
  legend,
  children,
}: {
  id: string
  summary: string
  table: ChartTable
  csvHref: string
  height: number
  /** What the drawing shows, for screen readers: the numbers themselves are in the table. */
  description: string
  legend?: ReactNode
  children: ReactNode
}) {
  const hydrated = useHydrated()
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart__message">
        {summary}
      </figcaption>
      {legend}
      <div
        className="chart__canvas"
        style={{ height }}
        role="img"
        aria-label={`${description} The numbers are in the table below.`}
      >
        {hydrated ? (
          children
        ) : (
          <p className="chart__placeholder">
            The chart is drawn by JavaScript; the numbers are in the table below.
          </p>
        )}
      </div>
      <ChartTableView table={table} id={`${id}-table`} />
      <p className="chart__download">
        <a href={csvHref} download>
          Download this table (CSV)
        </a>
      </p>
    </figure>
  )
}
