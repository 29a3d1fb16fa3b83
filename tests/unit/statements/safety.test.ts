// Who may be named and what may be said (DESIGN.md, rules of the domain): a case whose consent is
// refused or that is restricted is never named in public; sensitive fields never appear without
// consent.
import { describe, expect, it } from 'vitest'
import { LANGUAGE_CODES } from '../../../app/statements/lang'
import { TEMPLATE_IDS } from '../../../app/statements/types'
import { SOURCES, generate, generateOk, generatedSentences } from './seeded-case'

const PSEUDONYM = 'Ibrahim A.'
/** Every way the real name could leak: full name, parts, the Cyrillic alias. */
const REAL_NAME = /Idris|Arsamikov|Идрис|Арсамиков/

describe.each([
  ['consent refused', { consent: 'refused' as const }],
  ['restricted visibility', { visibility: 'restricted' as const }],
])('%s', (_label, restriction) => {
  it.each(TEMPLATE_IDS.flatMap((t) => LANGUAGE_CODES.map((l) => [t, l] as const)))(
    'uses the pseudonym and never the name: %s in %s',
    (template, language) => {
      const { statement, markdown } = generateOk(
        { ...restriction, displayName: PSEUDONYM },
        { template, language, link: 'https://example.org/x' },
      )
      expect(markdown).not.toMatch(REAL_NAME)
      expect(markdown).toContain(PSEUDONYM)
      expect(statement.notices[0]).toMatch(/uses the pseudonym “Ibrahim A\.”/)
    },
  )

  it('replaces the name inside descriptions, and leaves out quotes that name the person', () => {
    const { statement } = generateOk({ ...restriction, displayName: PSEUDONYM })
    const text = generatedSentences(statement).join(' ')
    expect(text).toMatch(/Ibrahim A\. fled Chechnya/)
    // Björk's quote ends "… release of Idris so that he can return to safety."
    expect(statement.blocks.filter((b) => b.type === 'quote')).toHaveLength(1)
    expect(statement.notices.join(' ')).toMatch(
      /quote of Malin Björk is left out: it names the person/,
    )
  })

  it('refuses to generate without a pseudonym, and says why', () => {
    const result = generate({ ...restriction, displayName: null })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(
      /No public statement can be generated: .* no public display name \(pseudonym\)/,
    )
  })
})

describe('sensitive fields', () => {
  it.each(TEMPLATE_IDS.flatMap((t) => LANGUAGE_CODES.map((l) => [t, l] as const)))(
    'never states the grounds without consent: %s in %s',
    (template, language) => {
      const { statement } = generateOk(
        { consent: 'unknown', caseSourceIds: [SOURCES.resolution] },
        { template, language },
      )
      const text = [statement.headline, ...generatedSentences(statement)].join(' ')
      expect(text).not.toMatch(/sexual orientation|orientation sexuelle|\bgay\b/i)
    },
  )

  it('states the grounds when consent is given and a source backs the case', () => {
    const { statement } = generateOk({ consent: 'given', caseSourceIds: [SOURCES.resolution] })
    const text = generatedSentences(statement).join(' ')
    expect(text).toMatch(/persecution on the grounds of sexual orientation/)
    expect(text).toMatch(/perceived gay men/)
    const fr = generateOk(
      { consent: 'given', caseSourceIds: [SOURCES.resolution] },
      { language: 'fr' },
    )
    expect(generatedSentences(fr.statement).join(' ')).toMatch(/fondées sur l’orientation sexuelle/)
  })

  it('does not state the grounds with consent but no source, and says why', () => {
    const { statement } = generateOk({ consent: 'given', caseSourceIds: [] })
    expect(generatedSentences(statement).join(' ')).not.toMatch(/grounds of/)
    expect(statement.notices.join(' ')).toMatch(/no source is cited for the case itself/)
  })

  it('warns about a quote that mentions sexual orientation without consent', () => {
    const { statement } = generateOk()
    expect(statement.notices.join(' ')).toMatch(/Check the quote of Malin Björk before publishing/)
  })
})
