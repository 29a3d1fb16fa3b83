import { NavLink } from '@remix-run/react'

/** Users · Activity · Backup, at the top of every admin page. */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="admin-nav">
      <ul>
        <li>
          <NavLink to="/admin/users">Users</NavLink>
        </li>
        <li>
          <NavLink to="/admin/activity">Activity</NavLink>
        </li>
        <li>
          <NavLink to="/admin/backup">Backup</NavLink>
        </li>
      </ul>
    </nav>
  )
}
