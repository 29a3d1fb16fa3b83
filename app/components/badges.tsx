import type { CustodyState, LegalStage, RiskLevel, Visibility } from '~/domain/vocabularies'
import { labelOf } from '~/domain/vocabularies'
import { isDeprivedOfLiberty } from '~/domain/status'

/** The custody state as a badge: its label is always written, colour only repeats it. */
export function CustodyBadge({ state }: { state: CustodyState | null }) {
  if (!state) return <span className="badge badge--neutral">No status yet</span>
  const tone = isDeprivedOfLiberty(state)
    ? 'danger'
    : state === 'released'
      ? 'ok'
      : state === 'deceased'
        ? 'dark'
        : 'warn'
  return <span className={`badge badge--${tone}`}>{labelOf(state)}</span>
}

export function LegalStageBadge({ stage }: { stage: LegalStage | null }) {
  if (!stage) return null
  return <span className="badge badge--outline">{labelOf(stage)}</span>
}

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  return <span className={`badge badge--risk-${risk}`}>Risk: {labelOf(risk)}</span>
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return <span className={`badge badge--vis-${visibility}`}>{labelOf(visibility)}</span>
}
