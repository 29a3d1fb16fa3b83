// The import's file readers, for route modules: through this .server module csv-parse (which needs
// Node's Buffer) stays out of the browser build.
export { decodeCsvBytes } from '../case-import/decode'
export { suggestMapping } from '../case-import/fields'
export { columnLabels, exampleValues, parseCsvText } from '../case-import/parse'
export { problemRows } from '../case-import/problems-csv'
