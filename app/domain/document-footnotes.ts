// A document page's footnotes: the sources cited for the document, then for each quote, numbered by
// first use — a marker in the text ("[2]") uses its citation where it stands; citations no marker
// points to follow, in the order they were made. Pure.
import { numberFootnotes } from './footnotes'
import { footnoteMarkersOf, renderMarkdown } from './markdown'

type Cited = { id: number }

type Part<S extends Cited> = { text: string; sources: readonly S[] }

/** The sources of one part in the order they are first used: marked ones first, then the rest. */
function inOrderOfUse<S extends Cited>({ text, sources }: Part<S>): S[] {
  const marked = footnoteMarkersOf(text)
    .map((marker) => sources[marker - 1])
    .filter((source): source is S => source !== undefined)
  return [...marked, ...sources]
}

/**
 * Numbers the footnotes of a document and renders its body and quotes with their markers linked to
 * them. `sources` are each part's cited sources in citation order: marker [n] in a part's text is
 * its n-th source. `unmarked` lists, per quote, the footnote numbers no marker in it shows.
 */
export function renderDocumentFootnotes<S extends Cited>({
  body,
  quotes,
}: {
  body: Part<S>
  quotes: readonly Part<S>[]
}) {
  const { numberOf, footnotes } = numberFootnotes([body, ...quotes].flatMap(inOrderOfUse))
  const render = ({ text, sources }: Part<S>) => {
    const markers = new Set(footnoteMarkersOf(text))
    return {
      html: renderMarkdown(text, {
        footnoteNumber: (marker) => {
          const source = sources[marker - 1]
          return source ? numberOf(source.id) : null
        },
      }),
      unmarked: [
        ...new Set(
          sources.flatMap((source, index) =>
            markers.has(index + 1) ? [] : [numberOf(source.id) ?? 0],
          ),
        ),
      ],
    }
  }
  return { footnotes, body: render(body), quotes: quotes.map(render) }
}
