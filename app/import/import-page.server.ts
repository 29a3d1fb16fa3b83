// The press-release parser as the import page's loader and action use it. The route imports it
// from this `.server` module, which Remix leaves out of the browser build, so the parser (and
// node:crypto, which hashes the text) stays on the server.
export { MAX_IMPORT_BYTES, parsePressRelease } from './press-release'
