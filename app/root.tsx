import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { errorPageTitle, GeneralErrorBoundary } from './components/error-boundary'
import { PublicHeader } from './components/public-header'
import { UpdatesNavLink } from './components/updates-nav-link'
import { can } from './domain/permissions'
import { labelOf } from './domain/vocabularies'
import stylesheet from './styles/app.css'
import { getOptionalUser } from './guards/auth.server'
import { countUpdatedCases } from './models/updates.server'
import { getDb } from './utils/db.server'
import { useNonce } from './utils/nonce'
import { isPublicPath } from './utils/public-paths'

export async function loader({ request }: LoaderFunctionArgs) {
  // Public pages read no session: the same answer for everyone, cacheable (utils/public-paths.ts).
  if (isPublicPath(new URL(request.url).pathname)) return { user: null, updates: 0 }
  const user = await getOptionalUser(request)
  // Followed cases with news, for the navigation: bounded by the user's follows, capped at 100.
  const updates = user ? await countUpdatedCases(await getDb(), { viewer: user }) : 0
  return { user, updates }
}

/** Routes name their pages; when the root's own loader fails (the database down), the error's title. */
export const meta: MetaFunction = ({ error }) => [
  { title: error ? errorPageTitle(error) : 'Case tracker' },
]

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

const NAV = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/cases', label: 'Cases' },
  { to: '/documents', label: 'Documents' },
  { to: '/sources', label: 'Sources' },
  { to: '/actors', label: 'Actors' },
  { to: '/actions', label: 'Actions' },
]

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>('root')
  const user = data?.user
  const inAdmin = useLocation().pathname.startsWith('/admin')
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href={user ? '/dashboard' : '/login'}>
          <span className="brand__mark" aria-hidden="true" />
          Case tracker
        </a>
        {user ? (
          <>
            <nav aria-label="Main" className="main-nav">
              <ul>
                {NAV.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} prefetch="intent">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
                <li>
                  <UpdatesNavLink count={data?.updates ?? 0} />
                </li>
                {can(user.role, 'manage:users') ? (
                  <li>
                    {/* Active on every admin page (users and activity), not only on /admin/users. */}
                    <Link
                      to="/admin/users"
                      className={inAdmin ? 'active' : undefined}
                      aria-current={inAdmin ? 'page' : undefined}
                    >
                      Admin
                    </Link>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div className="user-menu">
              <span className="user-menu__name">
                {user.name} <span className="user-menu__role">{labelOf(user.role)}</span>
              </span>
              <NavLink to="/account" className="user-menu__account">
                Account
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--quiet">
                  Sign out
                </button>
              </Form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  // Public pages: their own header, indexable, and no script (so no nonce: they can be cached).
  const publicPage = isPublicPath(useLocation().pathname)
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {publicPage ? null : <meta name="robots" content="noindex, nofollow" />}
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {publicPage ? <PublicHeader /> : <SiteHeader />}
        <main id="main" className="page">
          {children}
        </main>
        {publicPage ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
