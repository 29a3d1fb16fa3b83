// The marks of "changed since your last visit": on the case list ("Changed") and beside an entry of
// the case page or the inbox that is newer than the reader's previous visit ("New", "Updated").

export function ChangedBadge() {
  return (
    <span className="badge badge--changed" title="Changed since you last opened this case">
      Changed
    </span>
  )
}

export function NewBadge({ show, updated = false }: { show: boolean; updated?: boolean }) {
  if (!show) return null
  return (
    <span className="badge badge--new" title="Since your last visit">
      {updated ? 'Updated' : 'New'}
    </span>
  )
}
