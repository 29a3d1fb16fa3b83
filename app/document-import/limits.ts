// The size limit of a press-release import, here so that both the parser (app/import) and the
// app's steps around it (reading the upload, the request size, the message) read the same number.

/** The largest paste or file we parse, in UTF-8 bytes (a press release is a few kilobytes). */
export const MAX_IMPORT_BYTES = 1_000_000
