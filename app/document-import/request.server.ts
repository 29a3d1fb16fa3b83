// Reading an import request without trusting its size: the body is read up to a limit (a 5 MB
// paste gets a size message, never a crash or a server holding gigabytes), then the pasted text or
// the uploaded file is checked (text file, UTF-8, no NUL bytes) before the parser sees it.
import { decodeImportFile, TOO_LARGE_MESSAGE } from './plan'
import { MAX_IMPORT_BYTES } from './press-release'

/** A paste and a file of MAX_IMPORT_BYTES each, URL-encoded (up to 3 bytes a byte), and the rest. */
export const MAX_IMPORT_REQUEST_BYTES = 3 * MAX_IMPORT_BYTES + 200_000
/** Past this, the rest of an oversized body is not even read to its end. */
const DRAIN_LIMIT = 64 * 1_000_000

export type ImportFormResult =
  { ok: true; form: FormData } | { ok: false; status: 400 | 413; error: string }

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number) {
  // Reading the rest lets the browser receive the answer instead of a reset connection.
  let total = already
  while (total < DRAIN_LIMIT) {
    const { done, value } = await reader.read()
    if (done) return
    total += value.byteLength
  }
  await reader.cancel()
}

/** The request's form (multipart or URL-encoded), or a message when it is too large or unreadable. */
export async function readImportForm(request: Request): Promise<ImportFormResult> {
  const tooLarge = { ok: false as const, status: 413 as const, error: TOO_LARGE_MESSAGE }
  const reader = request.body?.getReader()
  if (!reader)
    return { ok: false, status: 400, error: 'Nothing was sent: paste the text or choose a file.' }
  const declared = Number(request.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > MAX_IMPORT_REQUEST_BYTES) {
    await drain(reader, 0)
    return tooLarge
  }
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > MAX_IMPORT_REQUEST_BYTES) {
      await drain(reader, total)
      return tooLarge
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    const headers = { 'Content-Type': request.headers.get('Content-Type') ?? '' }
    return { ok: true, form: await new Response(body, { headers }).formData() }
  } catch {
    return {
      ok: false,
      status: 400,
      error: 'The form could not be read: reload the page and try again.',
    }
  }
}

/** The text to import: the uploaded file when one was chosen, else what was pasted. */
export async function importTextOf(
  form: FormData,
): Promise<{ ok: true; text: string; fileName: string | null } | { ok: false; error: string }> {
  const file = form.get('file')
  if (file !== null && typeof file !== 'string' && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: TOO_LARGE_MESSAGE }
    const decoded = decodeImportFile(file.name ?? '', new Uint8Array(await file.arrayBuffer()))
    return decoded.ok ? { ...decoded, fileName: file.name || null } : decoded
  }
  const pasted = form.get('text')
  const text = typeof pasted === 'string' ? pasted : ''
  if (text.includes('\u0000'))
    return { ok: false, error: 'The pasted text contains binary data: paste plain text only.' }
  return { ok: true, text, fileName: null }
}
