// The reviewed real translation errors of the NTREX references (docs/reviewed-errors.json, docs/evaluation-notes.md), and
// whether a finding is one of them: its locations quote the English span in the English text and the translated
// span in the translation (one containing the other, so a finding quoting "more than 19 million" or "19 million"
// both count).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FILE = resolve(import.meta.dirname, '../docs/reviewed-errors.json');
export const reviewedErrors = JSON.parse(readFileSync(FILE, 'utf8')).errors;

const norm = (s) => s.replace(/\s+/gu, ' ').trim();
const quotes = (a, b) => norm(a).includes(norm(b)) || norm(b).includes(norm(a));

/**
 * Whether `finding` (a report finding) is a reviewed error of document `doc` in language `lang`; `isEnglish(source)`
 * and `isTranslation(source)` tell which location is in which text.
 */
export function isReviewedError(finding, doc, lang, isEnglish, isTranslation) {
  return reviewedErrors.some((e) => e.doc === doc && e.lang === lang
    && finding.locations.some((l) => isEnglish(l.source) && quotes(l.text, e.en))
    && finding.locations.some((l) => isTranslation(l.source) && quotes(l.text, e.translation)));
}
