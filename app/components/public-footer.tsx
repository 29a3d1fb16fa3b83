// The footer of the public pages (/p), apart from their header: the root renders the header on
// every page, so the footer's text would otherwise ride in every staff page's JavaScript.
/** What every public page ends with: where the feed is, and what these pages are. */
export function PublicFooter({ feedPath }: { feedPath: string }) {
  return (
    <footer className="public-footer">
      <p>
        These pages show only people who agreed to a public campaign, and only confirmed facts, each
        with its sources. <a href={feedPath}>Follow the changes in a feed reader (Atom)</a>.
      </p>
    </footer>
  )
}
