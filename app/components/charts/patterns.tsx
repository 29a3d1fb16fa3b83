// Each kind of action has a colour AND a pattern, so the series can be told apart without colour.
// Every colour has at least 3:1 contrast with the white background and with the white pattern lines.
import { ACTION_KINDS, type ActionKind } from '~/domain/vocabularies'

const COLOURS = [
  '#1d3f72',
  '#b3261e',
  '#1b6e3a',
  '#8a5300',
  '#6a3d9a',
  '#00677f',
  '#a0306e',
  '#4a5568',
]
const PATTERNS = [
  'solid',
  'diagonal',
  'reverse',
  'horizontal',
  'vertical',
  'dots',
  'grid',
  'cross',
] as const

export function kindStyle(kind: ActionKind) {
  const i = ACTION_KINDS.indexOf(kind)
  const colour = COLOURS[i % 8]!
  // The first eight kinds have a pattern each; the others reuse one, always with another colour.
  const pattern = PATTERNS[i < 8 ? i : (i + 3) % 8]!
  return { colour, pattern }
}

export const patternId = (prefix: string, kind: ActionKind) => `${prefix}-${kind}`

function Marks({ pattern }: { pattern: (typeof PATTERNS)[number] }) {
  const line = { stroke: '#fff', strokeWidth: 2 }
  switch (pattern) {
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} />
    case 'reverse':
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...line} />
    case 'horizontal':
      return <path d="M0,4 h8" {...line} />
    case 'vertical':
      return <path d="M4,0 v8" {...line} />
    case 'dots':
      return <circle cx="4" cy="4" r="1.6" fill="#fff" />
    case 'grid':
      return <path d="M4,0 v8 M0,4 h8" {...line} strokeWidth={1.5} />
    case 'cross':
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...line} strokeWidth={1.5} />
    default:
      return null
  }
}

/** The <pattern> definitions of the given kinds, in an invisible SVG the charts and swatches share. */
export function PatternDefs({ prefix, kinds }: { prefix: string; kinds: readonly ActionKind[] }) {
  return (
    <svg aria-hidden="true" focusable="false" width="0" height="0" className="chart__defs">
      <defs>
        {kinds.map((kind) => {
          const { colour, pattern } = kindStyle(kind)
          return (
            <pattern
              key={kind}
              id={patternId(prefix, kind)}
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
            >
              <rect width="8" height="8" fill={colour} />
              <Marks pattern={pattern} />
            </pattern>
          )
        })}
      </defs>
    </svg>
  )
}

export function KindSwatch({ prefix, kind }: { prefix: string; kind: ActionKind }) {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" className="chart__swatch">
      <rect width="16" height="16" rx="2" fill={`url(#${patternId(prefix, kind)})`} />
    </svg>
  )
}
