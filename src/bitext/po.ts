import { openText, pushThrough, type PushParser } from './input.js';
import { primaryLanguage } from './lang.js';
import { bitextError, row, type BitextOptions, type BitextRow, type BitextRows } from './rows.js';

/** A PO entry as the reader gives it, with where it is: the line it starts on (msgctxt or msgid), its msgid's and first msgstr's. */
export interface PoEntry {
  /** The context; undefined when there is none or it is empty. */
  msgctxt?: string | undefined;
  msgid: string;
  /** The msgstr strings in the order written (msgstr, or msgstr[0], msgstr[1]… of a plural entry). */
  msgstr: string[];
  line: number;
  msgidLine: number;
  msgstrLine?: number;
}

const WHITESPACE = /\s/u;
/** The keywords gettext-parser knows (its `keyNames`). */
const KEY_NAME = /^(?:msgctxt|msgid(?:_plural)?|msgstr(?:\[\d+\])?)$/u;
/** `/\s/` on one UTF-16 unit, as gettext-parser tests it, without a regular expression for ASCII. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITESPACE.test(String.fromCharCode(c)));
/** gettext-parser's key characters, `[\w\-[\]]`: ASCII letters, digits, `_`, `-`, `[`, `]`. */
const isKeyChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 91 || c === 93;

const enum State { None, Obsolete, Comment, Key, String }

interface Keyword { name: string; value: string; line: number; obsolete: boolean }

/**
 * A PO reader fed with chunks of text (`write`, then `end`) that hands over each entry, in file order, once the next
 * one starts: memory holds one entry, however long the file. It reads PO as gettext-parser does (its lexer and its
 * joining of tokens, with validation off, which is how factlint read PO files before): keywords; "…" or '…' strings
 * with \t \n \r and other escapes, and a backslash before a line break continuing the string; consecutive strings
 * joined to the last keyword; `#` comments; `#~` obsolete entries, which are not handed over; a keyword it does not
 * know refused (FL703, at the line gettext-parser gives). Runs of string text are copied as slices, so the time is
 * linear in the text.
 */
export class PoReader implements PushParser {
  private state = State.None;
  private line = 1;
  private quote = 0;
  private escaped = false;
  /** The comment read so far is empty (only CRs): a "~" there makes the next keyword obsolete. */
  private commentEmpty = false;
  /** The keyword whose strings are being read, and where its name is being read (state Key). */
  private keyword: Keyword | undefined;
  private context: Keyword | undefined;
  private entry: (PoEntry & { obsolete: boolean }) | undefined;

  constructor(private readonly file: string, private readonly take: (e: PoEntry) => void) {}

  write(text: string): void {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.line++;
      switch (this.state) {
        case State.None:
        case State.Obsolete:
          if (c === 34 || c === 39) { this.quote = c; this.escaped = false; this.state = State.String; }
          else if (c === 35 /* # */) { this.state = State.Comment; this.commentEmpty = true; }
          else if (c === 124 /* | */ && this.state === State.Obsolete) { this.state = State.Comment; this.commentEmpty = false; }
          else if (!isSpace(c)) {
            this.finishKeyword();
            this.keyword = { name: text[i]!, value: '', line: this.line, obsolete: this.state === State.Obsolete };
            this.state = State.Key;
          }
          break;
        case State.Comment:
          if (c === 10) this.state = State.None;
          else if (c === 126 /* ~ */ && this.commentEmpty) this.state = State.Obsolete;
          else if (c !== 13) {
            this.commentEmpty = false;
            // The rest of the line is comment: skip to its end.
            const eol = text.indexOf('\n', i + 1);
            i = (eol < 0 ? n : eol) - 1;
          }
          break;
        case State.Key:
          if (isKeyChar(c)) { this.keyword!.name += text[i]; break; }
          if (!KEY_NAME.test(this.keyword!.name)) {
            throw bitextError('FL703', `not a valid PO file: Invalid key name "${this.keyword!.name}" at line ${this.line}. This can be caused by an unescaped quote character in a msgid or msgstr value.`, this.file, this.line);
          }
          // The character after the keyword is read again in the new state (its line end counted once).
          this.state = State.None;
          if (c === 10) this.line--;
          i--;
          break;
        case State.String: {
          const k = this.keyword;
          if (this.escaped) {
            if (k) k.value += c === 116 ? '\t' : c === 110 ? '\n' : c === 114 ? '\r' : c === 10 ? '' : text[i];
            this.escaped = false;
          } else if (c === this.quote) this.state = State.None;
          else if (c === 92 /* \ */) this.escaped = true;
          else if (c === 10) { if (k) k.value += '\n'; }
          else {
            // A run up to the next quote, backslash or line break, copied in one slice.
            let j = i + 1;
            while (j < n) {
              const d = text.charCodeAt(j);
              if (d === this.quote || d === 92 || d === 10) break;
              j++;
            }
            if (k) k.value += text.slice(i, j);
            i = j - 1;
          }
          break;
        }
      }
    }
  }

  end(): void {
    // A keyword at the very end is taken as it is (gettext-parser checks a keyword's name at the character after it).
    this.finishKeyword();
    this.emit();
  }

  /** Takes the keyword read last into its entry, as gettext-parser's `_handleValues` does. */
  private finishKeyword(): void {
    const k = this.keyword;
    if (!k) return;
    this.keyword = undefined;
    const name = k.name.toLowerCase();
    if (name === 'msgctxt') this.context = k;
    else if (name === 'msgid') {
      this.emit();
      const ctx = this.context;
      this.entry = { msgctxt: ctx?.value || undefined, msgid: k.value, msgstr: [], line: ctx?.line ?? k.line, msgidLine: k.line, obsolete: k.obsolete };
      this.context = undefined;
    } else if (name === 'msgid_plural') this.context = undefined;
    else if (name.startsWith('msgstr')) {
      if (this.entry) {
        this.entry.msgstr.push(k.value);
        this.entry.msgstrLine ??= k.line;
      }
      this.context = undefined;
    }
  }

  /** Hands over the entry read (once the next one starts, nothing more can be added to it). */
  private emit(): void {
    const e = this.entry;
    this.entry = undefined;
    if (!e || e.obsolete) return;
    const { obsolete: _, ...entry } = e;
    this.take(entry);
  }
}

/** The header entry's fields ("Language: vi"), by name in lower case; of a field given twice, the last. */
export function poHeader(msgstr: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of msgstr.split('\n')) {
    const at = line.indexOf(':');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    if (key) out.set(key.toLowerCase(), at < 0 ? '' : line.slice(at + 1).trim());
  }
  return out;
}

/** The header entry: the first entry without context whose msgid is empty. */
const isHeader = (e: PoEntry): boolean => e.msgctxt === undefined && e.msgid === '';
/** The translation of an entry: its first msgstr (the singular form of a plural entry). */
const translationOf = (e: PoEntry): string => e.msgstr[0] ?? '';
const translated = (e: PoEntry): boolean => translationOf(e).trim() !== '' && e.msgid.trim() !== '';

/**
 * Gettext PO (.po), read as a stream: checked whole first (FL703), the header found and the rows counted, then read
 * again entry by entry as the rows are iterated. msgid → left, msgstr → right (the singular form for plural
 * entries). The header entry (empty msgid) and untranslated entries are skipped; fuzzy entries are kept (they are
 * translations awaiting review, which is what a check is for); obsolete (#~) entries are not read. The header's
 * `Language` gives the right side's language, `X-Source-Language` the left's. Rows have the line of their entry
 * (msgctxt or msgid) and of its msgid and msgstr; their ids are `unit-<n>`, numbering every entry after the header,
 * translated or not, in file order (an entry that repeats another's msgctxt and msgid is a unit of its own).
 */
export async function readPo(path: string, opts: BitextOptions = {}): Promise<BitextRows> {
  const input = await openText(path, 'PO file', opts);
  const file = input.id;
  let header: Map<string, string> | undefined;
  let count = 0;
  const scan = new PoReader(file, (e) => {
    if (e.msgid === '') { if (!header && isHeader(e)) header = poHeader(translationOf(e)); return; }
    if (translated(e)) count++;
  });
  for await (const chunk of input.chunks()) scan.write(chunk);
  scan.end();
  const field = (name: string): string | undefined => header?.get(name.toLowerCase()) || undefined;
  const leftLang = opts.leftLang ?? primaryLanguage(field('X-Source-Language'));
  const rightLang = opts.rightLang ?? primaryLanguage(field('Language'));
  return {
    format: 'po', file, ...(leftLang !== undefined ? { leftLang } : {}), ...(rightLang !== undefined ? { rightLang } : {}), warnings: input.warnings, count,
    [Symbol.asyncIterator]() {
      const out: BitextRow[] = [];
      let n = 0;
      const reader = new PoReader(file, (e) => {
        if (e.msgid === '') return; // the header entry (or an empty msgid in another context)
        n++;
        if (!translated(e)) return;
        out.push(row(`unit-${n}`, e.msgid, translationOf(e), { leftLang, rightLang, line: e.line, leftLine: e.msgidLine, rightLine: e.msgstrLine }));
      });
      return pushThrough(input, reader, out);
    },
  };
}
