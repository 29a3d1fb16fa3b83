// Lines of a stream, read as they come (the stream's own backpressure holds: nothing is read ahead
// of what the consumer takes). Each line knows whether it is the last, so a reader can tell a line
// cut short by the end of the file from a line that is simply wrong.
import { BackupRefusedError } from './format'

export type Line = { text: string; number: number; last: boolean }

async function* rawLines(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let pending = ''
  const decode = (chunk: Uint8Array | string, stream: boolean) => {
    try {
      return typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream })
    } catch {
      throw new BackupRefusedError(
        'The file is not UTF-8 text: it is not a backup, or it is damaged.',
      )
    }
  }
  for await (const chunk of source) {
    pending += decode(chunk, true)
    let at = pending.indexOf('\n')
    while (at !== -1) {
      yield pending.slice(0, at).replace(/\r$/, '')
      pending = pending.slice(at + 1)
      at = pending.indexOf('\n')
    }
  }
  pending += decode(new Uint8Array(), false)
  if (pending !== '') yield pending.replace(/\r$/, '')
}

/** The lines of `source`, numbered from 1, with one line of lookahead to mark the last. */
export async function* numberedLines(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Line> {
  let previous: string | undefined
  let number = 0
  for await (const text of rawLines(source)) {
    if (previous !== undefined) yield { text: previous, number, last: false }
    previous = text
    number++
  }
  if (previous !== undefined) yield { text: previous, number, last: true }
}
