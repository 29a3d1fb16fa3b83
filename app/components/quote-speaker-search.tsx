// The statement form's "add an MEP to quote" (and "add a press contact"): a search box, never a list
// of every MEP. With JavaScript it is an ARIA 1.2 combobox: up to ten matches come from `endpoint` as
// the user types, arrows move, Enter chooses, Escape closes, and each one chosen is added, ticked,
// below the box (an MEP's quote box comes with the next preview). Without JavaScript the words typed
// are sent with the form (`<name>Q`) and the page answers with the matches as boxes to tick.
import { useEffect, useId, useRef, useState } from 'react'
import type { ComboboxOption } from './search-combobox'

export function QuoteSpeakerSearch({
  id,
  name,
  label,
  noun,
  endpoint,
  text,
  matches,
  chosenIds,
}: {
  id: string
  /** The boxes' name (`mep`, `contact`); the words typed go in `<name>Q`. */
  name: string
  label: string
  /** "MEP", "press contact": in the messages. */
  noun: string
  /** Answers `?q=` with `{ options: ComboboxOption[] }`. */
  endpoint: string
  /** The words sent without JavaScript that did not name one actor. */
  text: string
  /** What those words found (at most ten), to tick. */
  matches?: ComboboxOption[]
  /** The ones already chosen, not offered again. */
  chosenIds: string[]
}) {
  const listId = useId()
  const hintId = useId()
  const [value, setValue] = useState('')
  const [options, setOptions] = useState<ComboboxOption[]>([])
  const [added, setAdded] = useState<ComboboxOption[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [status, setStatus] = useState('')
  const request = useRef<AbortController | null>(null)

  useEffect(() => () => request.current?.abort(), [])

  const offered = (option: ComboboxOption) =>
    !chosenIds.includes(String(option.id)) && !added.some((a) => a.id === option.id)

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
      const found = data.options.filter(offered)
      setOptions(found)
      setActive(-1)
      setOpen(true)
      setStatus(
        found.length === 0
          ? `No other ${noun} matches.`
          : `${found.length} ${found.length === 1 ? 'match' : 'matches'}${data.options.length >= 10 ? ' shown, type more to narrow' : ''}.`,
      )
    } catch {
      // Aborted by a newer search, or offline: the words are still sent with the form.
    }
  }

  function choose(option: ComboboxOption) {
    if (offered(option)) setAdded((list) => [...list, option])
    setValue('')
    setOptions([])
    setOpen(false)
    setActive(-1)
    setStatus(`${option.label} added.`)
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
  const toTick = [...added, ...(matches ?? []).filter(offered)]
  return (
    <div className="combobox statement-choices__add">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={`${name}Q`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={hintId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        placeholder="Type part of a name"
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          void search(event.target.value)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <span id={hintId} className="visually-hidden">
        Type part of a name; choose from the matches with the arrow keys and Enter. Each one chosen
        is added, ticked, below; preview again to use it.
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
      {matches && matches.length === 0 ? (
        <p className="field__hint">
          No {noun} you can see matches “{text}”.
        </p>
      ) : null}
      {matches && matches.length > 0 ? (
        <p className="field__hint">Tick the ones you meant among the matches for “{text}”:</p>
      ) : null}
      {toTick.map((option) => (
        <label key={option.id} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={option.id}
            defaultChecked={added.includes(option)}
          />{' '}
          {option.label}
        </label>
      ))}
    </div>
  )
}
