import levenshtein from 'fast-levenshtein';
import { nameSkeleton } from '../../lang/keys.js';

/** Whether two names (or keys) are one name written differently: short forms, derivations, transliteration. */

/** One name, allowing for inflection, short forms and transliteration ("Flake" / "Флейк"). */
export const near = (x: string, y: string): boolean => {
  if (x === y || x.includes(y) || y.includes(x) || levenshtein.get(x, y) <= 2) return true;
  const sx = nameSkeleton(x);
  const sy = nameSkeleton(y);
  return sx.length >= 2 && (sx === sy || (Math.min(sx.length, sy.length) >= 4 && levenshtein.get(sx, sy) <= 1));
};

/** Is `short` an abbreviation (letters in order, same first letter) or the initials of `long`? */
export function shortFormOf(short: string, long: string, notInInitials: ReadonlySet<string>): boolean {
  const s = short.replace(/\s+/g, '');
  const words = long.split(' ').filter(Boolean);
  if (s.length >= long.replace(/\s+/g, '').length) return false;
  const initials = words.map((w) => w[0]).join('');
  if (initials === s || words.filter((w) => !notInInitials.has(w)).map((w) => w[0]).join('') === s) return true;
  // A contraction keeps the first and last letters ("St" / "Saint", "Hwy" / "Highway", "Dr" / "Doctor").
  if (s[0] !== long[0] || s[s.length - 1] !== long[long.length - 1]) return false;
  let i = 0;
  for (const ch of long) if (ch === s[i]) i++;
  return i === s.length;
}

/** Two names that share a stem of five letters or all but one letter of the shorter: one is derived from the other. */
export function sameStem(x: string, y: string): boolean {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i >= Math.min(5, Math.min(x.length, y.length) - 1);
}
