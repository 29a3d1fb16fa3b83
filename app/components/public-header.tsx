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
