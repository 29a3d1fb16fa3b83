/**
 * A freshly made one-time password, shown on the page that answers the admin's form and nowhere
 * else: it is not stored in clear, not in the URL, and reloading the page does not show it again.
 */
export function OneTimePassword({ password, name }: { password: string; name: string }) {
  return (
    <section className="panel one-time-password" aria-labelledby="one-time-password-title">
      <h2 id="one-time-password-title">One-time password for {name}</h2>
      <p className="one-time-password__value">
        <code>{password}</code>
      </p>
      <p className="alert alert--warning" role="note">
        Copy it now; it will not be shown again. Give it to {name} in person or by a channel you
        trust, and ask them to choose their own password on their Account page after signing in.
      </p>
    </section>
  )
}
