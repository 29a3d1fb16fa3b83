// The notice a generated document shows when its case changed after it was made, with a way to
// generate it again. Place it on the document page with getStatementStaleness()'s result.
import { Link } from '@remix-run/react'

export type StatementStalenessData = {
  stale: boolean
  message: string | null
  regenerateHref: string
}

export function StatementStaleness({ staleness }: { staleness: StatementStalenessData | null }) {
  if (!staleness?.stale) return null
  return (
    <div className="alert alert--warning statement-staleness" role="status">
      <p className="statement-staleness__message">{staleness.message}</p>
      <p>
        <Link to={staleness.regenerateHref} className="button">
          Generate it again from the case
        </Link>
      </p>
    </div>
  )
}
