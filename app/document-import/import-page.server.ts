// The press-release parser, and the preview form's zod schema, as the import page's loader and
// action use them. The route imports them from this `.server` module, which Remix leaves out of the
// browser build, so the parser (and node:crypto, which hashes the text) and zod stay on the server.
export { MAX_IMPORT_BYTES, parsePressRelease } from './press-release'
export { IMPORT_ARRAY_FIELDS, ImportConfirmSchema, importValuesFromForm } from './schema'
