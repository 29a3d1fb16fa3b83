// Formatting shared by the language packs: partial dates with a language's month names (from Intl,
// see monthNames), numbers with its digit-group separator. Numbers are grouped by hand: Intl's
// separator for French changed between ICU builds (no-break space, then narrow no-break space).
import type { PartialDate } from '~/domain/dates'

export const NARROW_NBSP = '\u202F'
export const NBSP = '\u00A0'

export function datePartsOf({ date }: PartialDate) {
  return {
    year: date.slice(0, 4),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  }
}

/** "22 February 2023", "February 2023", "2023" with the given month names and day format. */
export function formatWithMonths(
  partial: PartialDate,
  months: readonly string[],
  dayLabel: (day: number) => string = String,
): string {
  const { year, month, day } = datePartsOf(partial)
  if (partial.precision === 'year') return year
  const monthName = months[month - 1] ?? ''
  if (partial.precision === 'month') return `${monthName} ${year}`
  return `${dayLabel(day)} ${monthName} ${year}`
}

/** 1365 -> "1,365" (separator ",") or "1 365" (separator narrow no-break space). */
export function groupDigits(value: number, separator: string): string {
  const sign = value < 0 ? '-' : ''
  const digits = String(Math.trunc(Math.abs(value)))
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

/** Pairs of straight double quotes become the language's marks: "x" -> “x” or « x ». */
export function pairQuotes(text: string, open: string, close: string): string {
  let opening = true
  return text.replace(/"/g, () => {
    const mark = opening ? open : close
    opening = !opening
    return mark
  })
}
