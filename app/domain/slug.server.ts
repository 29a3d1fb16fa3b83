// Slugs from names in any script. Server-only: the transliteration tables (Chinese, Arabic, …) are
// large and must never reach the browser bundle.
import { slugify as transliterateToSlug } from 'transliteration'

/** What a case is called in its URL when its name leaves nothing readable (e.g. only punctuation). */
export const FALLBACK_SLUG = 'case'

const MAX_SLUG = 80

/**
 * A readable ASCII slug, the same for the same name: "Idris Arsamikov" and "Идрис Арсамиков" ->
 * "idris-arsamikov", "刘晓波" -> "liu-xiao-bo", "ნიკა მელია" -> "nika-melia". A name of which
 * nothing readable remains gets FALLBACK_SLUG.
 */
export function slugify(value: string): string {
  const slug = transliterateToSlug(value.normalize('NFC'), { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '')
  return slug || FALLBACK_SLUG
}
