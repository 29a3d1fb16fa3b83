// The header of the public pages (/p): the product's name and nothing of the signed-in app — no
// navigation, no user, nothing that needs a session.
export function PublicHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href="/p">
          <span className="brand__mark" aria-hidden="true" />
          Case tracker
        </a>
        <span className="public-header__tagline">Public case pages</span>
      </div>
    </header>
  )
}

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
