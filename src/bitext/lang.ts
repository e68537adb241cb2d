/**
 * Language tags in bitext files and configs. Files write them many ways ("en", "EN-US", "vi_VN", TMX's "*all*");
 * factlint's language hints are ISO 639-1 codes, so rows carry the primary subtag in lower case. Whether a code is a
 * language at all is asked of ICU (Intl.DisplayNames) rather than a hand-typed list.
 */

let names: Intl.DisplayNames | undefined;
// Asked for every unit of a translation memory (TMX names the language of each variant): ICU is asked once per code.
const known = new Map<string, boolean>();

/** True when `code` is a language ICU can name ("en", "vi", "fil"); false for "xx", "und" or anything malformed. */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code) || code === 'und') return false;
  let ok = known.get(code);
  if (ok === undefined) {
    names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    try {
      ok = names.of(code) !== undefined;
    } catch {
      ok = false;
    }
    known.set(code, ok);
  }
  return ok;
}

/** The primary language subtag of a tag, in lower case ("EN-US" → "en", "vi_VN" → "vi"); undefined when not a known language. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const m = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(tag.trim());
  const code = m?.[1]?.toLowerCase();
  return code !== undefined && isLanguageCode(code) ? code : undefined;
}

/**
 * The language a TSV column or JSONL field is named after ("en", "vi", "vi-VN"), else undefined. Only two-letter
 * codes: three-letter names are more often words than languages ("src" is Sardinian to ICU).
 */
export const languageOfName = (name: string | undefined): string | undefined =>
  name !== undefined && /^[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})?$/.test(name.trim()) ? primaryLanguage(name) : undefined;
