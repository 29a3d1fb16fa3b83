// One way to answer "not found" (as the Epic Stack's invariantResponse): a missing record, or one
// the reader may not see, throws a Response that the route's error boundary shows. Unlike the Epic
// Stack's, the default status is 404: every use here is a record that is not there for this reader.

/** Throws `new Response(message, { status: 404, ...init })` unless `condition` holds. */
export function invariantResponse(
  condition: unknown,
  message = 'Not found',
  init?: ResponseInit,
): asserts condition {
  if (!condition) throw notFound(message, init)
}

/** The Response a missing record answers with, for an address that is never anything else. */
export function notFound(message = 'Not found', init?: ResponseInit): Response {
  return new Response(message, { status: 404, ...init })
}
