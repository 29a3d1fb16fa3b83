// The statement generator as the statement page's loader and action use it. The route imports it
// from this `.server` module, which Remix leaves out of the browser build, so the generator, its
// choice schemas (zod) and the Markdown renderer (markdown-it) stay on the server: the page only
// shows the HTML the server rendered.
export { previewOf, runGenerator } from './generate'
export { editedLimitProblem } from './limits'
export { renderEditedMarkdownHtml } from './render-html'
export { extractUneditedQuotes, splitEditedMarkdown } from './render-markdown'
