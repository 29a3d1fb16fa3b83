// The templates offered, and the one entry point: facts and a language in, a finished statement
// (footnotes numbered, typography applied) or a clear refusal out.
import { finalize } from '../shared-sentences'
import type { LanguagePack } from '../lang/types'
import type { GenerateResult, StatementFacts, TemplateId, TemplateOutcome } from '../types'
import { letter } from './letter'
import { mepStatement } from './mep-statement'
import { pressRelease } from './press-release'
import { socialPost } from './social-post'
import { writtenQuestion } from './written-question'

export const TEMPLATES: Record<
  TemplateId,
  (pack: LanguagePack, facts: StatementFacts) => TemplateOutcome
> = {
  press_release: (pack, facts) => ({ ok: true, draft: pressRelease(pack, facts) }),
  mep_statement: mepStatement,
  letter,
  written_question: writtenQuestion,
  social_post: socialPost,
}

export function generateStatement(
  template: TemplateId,
  pack: LanguagePack,
  facts: StatementFacts,
  notices: readonly string[] = [],
): GenerateResult {
  const outcome = TEMPLATES[template](pack, facts)
  if (!outcome.ok) return outcome
  const statement = finalize(outcome.draft, pack, facts)
  return {
    ok: true,
    statement: {
      ...statement,
      notices: [
        ...notices,
        ...(pack.usesRecordedDescriptions
          ? []
          : [
              `In ${pack.englishName}, the text states the recorded dates, custody states, legal stages and places; the event descriptions, recorded in English, are not used. Names and places appear as recorded.`,
            ]),
        ...statement.notices,
      ],
      footnotesHeading:
        template === 'social_post' ? pack.social.sourcesHeading : statement.footnotesHeading,
    },
  }
}
