// The e-mail digest choice on the account page (shown only when the server can send e-mail).
import { Form, useNavigation } from '@remix-run/react'
import { DIGEST_FREQUENCIES, DIGEST_LABELS, type DigestFrequency } from '~/domain/follow'

export function DigestSetting({
  frequency,
  saved,
}: {
  frequency: DigestFrequency
  saved: boolean
}) {
  const navigation = useNavigation()
  const saving = navigation.formData?.get('intent') === 'digest'
  return (
    <section aria-labelledby="digest-title" className="panel">
      <h2 id="digest-title">E-mail digest</h2>
      <p className="field__hint">
        A summary of what changed on the cases you follow: counts and links only. A case is named in
        the e-mail only when it is public with the person&apos;s consent.
      </p>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="digest" />
        <fieldset className="field digest-choices">
          <legend>Send me</legend>
          {DIGEST_FREQUENCIES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="frequency"
                value={value}
                defaultChecked={value === frequency}
              />{' '}
              {DIGEST_LABELS[value]}
            </label>
          ))}
        </fieldset>
        {saved ? (
          <p className="alert alert--success" role="status">
            Saved: {DIGEST_LABELS[frequency].toLowerCase()}.
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? 'Saving…' : 'Save digest setting'}
          </button>
        </div>
      </Form>
    </section>
  )
}
