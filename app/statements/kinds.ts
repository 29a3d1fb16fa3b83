// What a saved statement is, as a document and, once published, as an advocacy action.
import type { ActionKind, DocumentKind } from '~/domain/vocabularies'
import type { TemplateId } from './types'

export const DOCUMENT_KIND_OF: Record<TemplateId, DocumentKind> = {
  press_release: 'press_release',
  mep_statement: 'statement',
  letter: 'letter',
  written_question: 'parliamentary_question',
  social_post: 'other',
}

/** An MEP's statement is their media work, not an organisation's press release. */
export const ACTION_KIND_OF: Record<TemplateId, ActionKind> = {
  press_release: 'press_release',
  mep_statement: 'media_or_oped',
  letter: 'letter_to_authorities',
  written_question: 'parliamentary_question',
  social_post: 'social_campaign',
}
