// Footnote numbers are computed when rendering, never stored: a source's number is the order of its
// first citation on the page, and a source cited twice keeps its first number.

export type FootnoteSource = { id: number }

export function numberFootnotes<S extends FootnoteSource>(
  citedInOrder: readonly S[],
): { numberOf: (sourceId: number) => number | undefined; footnotes: (S & { number: number })[] } {
  const numbers = new Map<number, number>()
  const footnotes: (S & { number: number })[] = []
  for (const source of citedInOrder) {
    if (numbers.has(source.id)) continue
    const number = numbers.size + 1
    numbers.set(source.id, number)
    footnotes.push({ ...source, number })
  }
  return { numberOf: (sourceId) => numbers.get(sourceId), footnotes }
}
