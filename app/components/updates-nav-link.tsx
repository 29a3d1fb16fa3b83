// "Updates" in the main navigation, with how many followed cases have news ("99+" beyond 99).
import { NavLink } from '@remix-run/react'
import { updatesCountLabel } from '~/domain/follow'

export function UpdatesNavLink({ count }: { count: number }) {
  const label = updatesCountLabel(count)
  return (
    <NavLink to="/updates">
      Updates
      {label ? (
        <>
          <span className="nav-count" aria-hidden="true">
            {label}
          </span>
          <span className="visually-hidden">
            {' '}
            ({label} {count === 1 ? 'case' : 'cases'} with news)
          </span>
        </>
      ) : null}
    </NavLink>
  )
}
