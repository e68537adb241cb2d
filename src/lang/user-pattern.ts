import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

/**
 * Patterns from users (the config's `furniture` and `languages` globs) run on every line of every input, lines of
 * up to a million characters: a backtracking engine takes exponential time on some of them (`^(a+)+$` against 44
 * "a"s and "!" never ends) and polynomial time on many (`^.*a.*a.*b$`). They are written in JavaScript syntax and run
 * with RE2 (re2js, a JavaScript port: no native build), whose time is linear in the length of the line whatever the
 * pattern. What RE2 cannot run (lookahead, lookbehind, backreferences) is refused at load.
 */

/** What a compiled user pattern offers: the one method the callers use, as RegExp has it. */
export interface LinePattern {
  test(s: string): boolean;
}

// Loaded on first use only (most runs have no user pattern); the CommonJS build, so compiling stays synchronous.
let re2: typeof RE2JSClass | undefined;
const engine = (): typeof RE2JSClass => {
  re2 ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSClass }).RE2JS;
  return re2;
};

/** JavaScript's \s (u flag), which is Unicode-aware; RE2's \s is ASCII only. */
const SPACE_SET = '\\t\\n\\x{0B}\\f\\r\\p{Zs}\\x{2028}\\x{2029}\\x{FEFF}';
const PROPERTY_PREFIX = /^(?:Script|sc|Script_Extensions|scx|General_Category|gc)=/u;

/** Why a pattern cannot run in linear time, in words, when it uses one of the constructs RE2 lacks. */
export function backtrackingOnly(source: string): string | undefined {
  if (/(?<!\\)(?:\\\\)*\(\?<?[=!]/u.test(source)) return 'it uses a lookahead or lookbehind ((?=…), (?!…), (?<=…), (?<!…))';
  if (/(?<!\\)(?:\\\\)*\\(?:[1-9]|k<)/u.test(source)) return 'it uses a backreference (\\1, \\k<name>)';
  return undefined;
}

/**
 * A JavaScript pattern (u flag) in RE2's syntax, with JavaScript's meaning: `\uXXXX` and `\u{…}` become `\x{…}`
 * (surrogate pairs one code point), `\p{Script=…}` and the like lose the prefix RE2 does not take, `\s` and `\S`
 * outside brackets and `\s` inside keep JavaScript's Unicode white space, and `.` does not match line terminators.
 */
export function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  const hex4 = (at: number): number | undefined => (/^[0-9a-fA-F]{4}$/u.test(source.slice(at, at + 4)) ? parseInt(source.slice(at, at + 4), 16) : undefined);
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (n === 'u' && source[i + 2] === '{') {
        const end = source.indexOf('}', i + 3);
        if (end > 0) { out += `\\x{${source.slice(i + 3, end)}}`; i = end; continue; }
      }
      if (n === 'u') {
        const hi = hex4(i + 2);
        if (hi !== undefined) {
          const lo = hi >= 0xd800 && hi <= 0xdbff && source.slice(i + 6, i + 8) === '\\u' ? hex4(i + 8) : undefined;
          if (lo !== undefined && lo >= 0xdc00 && lo <= 0xdfff) {
            out += `\\x{${(((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000).toString(16)}}`;
            i += 11;
          } else {
            out += `\\x{${hi.toString(16)}}`;
            i += 5;
          }
          continue;
        }
      }
      if ((n === 'p' || n === 'P') && source[i + 2] === '{') {
        const end = source.indexOf('}', i + 3);
        if (end > 0) { out += `\\${n}{${source.slice(i + 3, end).replace(PROPERTY_PREFIX, '')}}`; i = end; continue; }
      }
      if (n === 's') { out += inClass ? SPACE_SET : `[${SPACE_SET}]`; i++; continue; }
      if (n === 'S' && !inClass) { out += `[^${SPACE_SET}]`; i++; continue; }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      // JavaScript's "[]" matches nothing and "[^]" any character; in RE2 a "]" right after "[" or "[^" is a literal.
      if (source.startsWith('[]', i)) { out += '[^\\x{0}-\\x{10FFFF}]'; i++; continue; }
      if (source.startsWith('[^]', i)) { out += '[\\x{0}-\\x{10FFFF}]'; i += 2; continue; }
      inClass = true;
      out += c;
      if (source[i + 1] === '^') { out += '^'; i++; }
    } else if (c === '.') out += '[^\\n\\r\\x{2028}\\x{2029}]';
    else out += c;
  }
  return out;
}

/** Thrown by compileLinePattern: `syntax` when JavaScript rejects the pattern, `linear` when RE2 cannot run it. */
export class PatternError extends Error {
  constructor(readonly kind: 'syntax' | 'linear', message: string) {
    super(message);
  }
}

/**
 * Compiles a user pattern (JavaScript syntax, u flag) to run in linear time. Throws a PatternError: `syntax` for a
 * pattern JavaScript rejects, `linear` for one only a backtracking engine can run.
 */
export function compileLinePattern(source: string): LinePattern {
  try {
    new RegExp(source, 'u');
  } catch (e) {
    throw new PatternError('syntax', (e as Error).message);
  }
  const why = backtrackingOnly(source);
  if (why) throw new PatternError('linear', why);
  let compiled: RE2JSClass;
  try {
    compiled = engine().compile(toRe2Syntax(source));
  } catch (e) {
    throw new PatternError('linear', `the linear-time engine (RE2) cannot run it: ${(e as Error).message.replace(/^error parsing regexp: /u, '')}`);
  }
  return { test: (s) => compiled.test(s) };
}
