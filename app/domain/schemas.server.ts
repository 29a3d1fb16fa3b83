// The zod schemas, and the readers built on them, that route modules use in their loaders and
// actions. Routes import them from here, not from the domain modules: Remix leaves `.server` modules
// out of the browser build, so zod does not reach the browser with a route module that only
// validates on the server. (The pages import their constants, labels and link builders from the
// zod-free modules: password-length, action-list, activity-search, document-languages,
// document-list-search, list-search.)
export {
  actionDifferences,
  actionToFormValues,
  parseActionListQuery,
  readActionFormData,
} from './action-schema'
export {
  ACTIVITY_PAGE_SIZE,
  activityLink,
  cursorParam,
  describeActivityRow,
  parseActivityQuery,
} from './activity'
export {
  ACTOR_FIELD_LABELS,
  ActorFormSchema,
  actorToFormValues,
  MergeFormSchema,
  parseActorListQuery,
} from './actor-schema'
export {
  CaseFormSchema,
  NEW_CASE_ACCESS,
  VersionSchema,
  withCaseAccessRule,
  withVersion,
} from './case-schema'
export { parseDocumentListQuery } from './document-filters'
export { EventFormSchema } from './event-schema'
export {
  CaseLinkSchema,
  CitationFormSchema,
  documentDifferences,
  DocumentFormSchema,
  documentToFormValues,
  quoteDifferences,
  QuoteFormSchema,
} from './document-schema'
export { ChangePasswordSchema } from './password'
export {
  formDifferences,
  parseSourceListQuery,
  SOURCE_FIELD_LABELS,
  SourceFormSchema,
  sourceToFormValues,
} from './source-schema'
