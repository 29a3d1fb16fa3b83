// A search box that picks one record (a case, an actor) out of many: never a list of them all.
// Without JavaScript it is a text field: the form sends the words typed (`textName`) and the page
// answers with the matching records as links. With JavaScript it is an ARIA 1.2 combobox: up to ten
// matches come from `endpoint` as the user types, arrows move, Enter chooses, Escape closes, and the
// chosen id goes in a hidden field (`name`) beside the text.
import { useEffect, useId, useRef, useState } from 'react'
import { Link } from '@remix-run/react'

export type ComboboxOption = { id: number; label: string }
export type ComboboxMatch = ComboboxOption & { href: string }

export function SearchCombobox({
  id,
  label,
  name,
  textName,
  endpoint,
  selectedId,
  text,
  placeholder,
  hint = 'Type part of a name; choose from the matches with the arrow keys and Enter. Leave empty for all.',
  matches,
}: {
  id: string
  label: string
  /** The hidden field that carries the chosen id. */
  name: string
  /** The text field, read by the server when the form comes without a chosen id. */
  textName: string
  /** Answers `?q=` with `{ options: ComboboxOption[] }`. */
  endpoint: string
  selectedId?: number
  text: string
  placeholder: string
  /** What the box is for, read to screen readers; the default suits a filter. */
  hint?: string
  /** Matches the server found for the text sent without JavaScript. */
  matches?: ComboboxMatch[]
}) {
  const listId = useId()
  const hintId = useId()
  const [value, setValue] = useState(text)
  const [chosen, setChosen] = useState<number | undefined>(selectedId)
  const [options, setOptions] = useState<ComboboxOption[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState('')
  const request = useRef<AbortController | null>(null)

  useEffect(() => () => request.current?.abort(), [])

  async function search(q: string) {
    request.current?.abort()
    if (!q.trim()) {
      setOptions([])
      setOpen(false)
      setStatus('')
      return
    }
    const controller = new AbortController()
    request.current = controller
    try {
      const separator = endpoint.includes('?') ? '&' : '?'
      const response = await fetch(`${endpoint}${separator}q=${encodeURIComponent(q)}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      })
      if (!response.ok) return
      const data = (await response.json()) as { options: ComboboxOption[] }
      setOptions(data.options)
      setActive(-1)
      setOpen(true)
      setStatus(
        data.options.length === 0
          ? 'No matches.'
          : `${data.options.length} ${data.options.length === 1 ? 'match' : 'matches'}${data.options.length >= 10 ? ' shown, type more to narrow' : ''}.`,
      )
    } catch {
      // Aborted by a newer search, or offline: the text is still sent with the form.
    }
  }

  function choose(option: ComboboxOption) {
    setValue(option.label)
    setChosen(option.id)
    setOpen(false)
    setActive(-1)
    setStatus(`${option.label} chosen.`)
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      if (!open && options.length) setOpen(true)
      setActive((i) => (options.length ? (i + 1) % options.length : -1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1))
    } else if (event.key === 'Enter' && open && active >= 0 && options[active]) {
      event.preventDefault()
      choose(options[active]!)
    } else if (event.key === 'Escape' && open) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`
  return (
    <div className="combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={textName}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          setChosen(undefined)
          void search(event.target.value)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <input type="hidden" name={name} value={chosen ? String(chosen) : ''} />
      <span id={hintId} className="visually-hidden">
        {hint}
      </span>
      <ul id={listId} role="listbox" aria-label={label} className="combobox__list" hidden={!open}>
        {options.map((option, i) => (
          <li
            key={option.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="combobox__option"
            onMouseDown={(event) => {
              event.preventDefault()
              choose(option)
            }}
          >
            {option.label}
          </li>
        ))}
      </ul>
      <span className="visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
      {matches ? (
        <div className="combobox__matches">
          {matches.length === 0 ? (
            <p>Nothing you can see matches “{text}”.</p>
          ) : (
            <>
              <p>Choose one of the matches for “{text}”:</p>
              <ul>
                {matches.map((match) => (
                  <li key={match.id}>
                    <Link to={match.href} preventScrollReset>
                      {match.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
    </div>
  )
}
