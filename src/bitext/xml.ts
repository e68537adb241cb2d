import { bitextError } from './rows.js';

/**
 * XML for the bitext readers (XLIFF, TMX), read as a stream: `XmlTokenizer` takes the text in chunks of any size and
 * reports start tags, end tags and text as it goes (SAX style), so a translation memory of any length is read in
 * memory bounded by its largest element, not by the file. It checks well-formedness as it reads (FL701, with the
 * line): tags nest and close, attributes are quoted and not repeated, every "&" starts a reference, nothing but
 * markup before the root element.
 *
 * Entities: the five of XML, character references, the HTML names translation tools write into XLIFF
 * (`HTML_ENTITIES`), and those the document declares in its internal DTD subset. A declared entity is expanded
 * within limits (its value at most 10,000 characters, at most 1,000 declarations, at most 100,000 characters from
 * expansions in one document): beyond them the file is refused, so an entity bomb costs nothing. An entity whose
 * value holds a reference is left as written, not expanded (no nesting, no "billion laughs"). Entities declared from
 * outside the file (SYSTEM or PUBLIC: XXE) and parameter entities are refused (FL701); nothing is ever fetched.
 * These are the limits and refusals fast-xml-parser applied when it read these files whole.
 *
 * Namespace prefixes are removed from element and attribute names (`xml:lang` is read as `lang`, as TMX 1.1 writes
 * it), and `xmlns` attributes are dropped. Line ends are normalised (CR LF and CR become LF), as XML requires.
 */

/** A start tag: the element's local name, its attributes (local names, references resolved) and its line (1-based). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  line: number;
}

/** An element with its content: child elements and text, in document order (filled by `subtrees`). */
export interface XmlNode extends XmlElement {
  children: (XmlNode | string)[];
}

/** What the tokenizer reports, in document order. Only the root element and what is inside it is reported. */
export interface XmlHandler {
  /** A new object each time, with no children yet: a handler may keep it, and fill its `children`. */
  open(e: XmlNode): void;
  close(name: string): void;
  /** Character data (references resolved, CDATA sections as written); a run of text may come in several calls. */
  text(t: string): void;
}

/** Limits on declared entities (those of fast-xml-parser's defaults, which read these files before). */
export const ENTITY_LIMITS = { valueLength: 10_000, declarations: 1_000, expandedLength: 100_000 } as const;

/**
 * HTML entity names decoded in XLIFF and TMX text, which some tools write though XML does not define them: the set
 * fast-xml-parser decoded (`htmlEntities`: its COMMON_HTML and CURRENCY), so files read as they did. Others stay as
 * written.
 */
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026',
  laquo: '\u00ab', raquo: '\u00bb', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', bull: '\u2022',
  para: '\u00b6', sect: '\u00a7', deg: '\u00b0', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be',
  cent: '\u00a2', pound: '\u00a3', curren: '\u00a4', yen: '\u00a5', euro: '\u20ac', dollar: '$', fnof: '\u0192',
  inr: '\u20b9', af: '\u060b', birr: '\u1265\u122d', peso: '\u20b1', rub: '\u20bd', won: '\u20a9', yuan: '\u00a5',
  cedil: '\u00b8',
};
const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
/** An XML Name (XML 1.0, production 5). */
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, 'u');
/** A reference after its "&": a character reference or a name, then ";". */
const REFERENCE = new RegExp(`#(?:[0-9]+|x[0-9a-fA-F]+);|[${NAME_START}][${NAME_CHAR}]*;`, 'uy');
/** An attribute, from the white space before it: name, then `= "value"` or `= 'value'` (groups 3 and 4) or not. */
const ATTRIBUTE = /\s+([^\s=/>"']+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s"'>/]*))?/y;
const SPACE = /^[ \t\n]*$/;

const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);
const countLines = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

interface Declared {
  /** The replacement text; undefined when it holds a reference and is left unexpanded. */
  value: string | undefined;
}

/**
 * A well-formedness checking XML tokenizer fed with chunks of text (`write`, then `end`). Errors are FL701 naming
 * `file` and the line.
 */
export class XmlTokenizer {
  private buf = '';
  /** Line of the first character of `buf`. */
  private line = 1;
  /** The open elements; `shown` is false for those after the root element, which are checked but not reported. */
  private readonly stack: { raw: string; name: string; line: number; shown: boolean }[] = [];
  private phase: 'prolog' | 'root' | 'epilog' = 'prolog';
  private started = false;
  private doctype = false;
  private cr = false;
  /**
   * The length of an unfinished construct at the end of `buf` (a start tag, comment, CDATA section or DOCTYPE cut by
   * the chunk's end): it is looked at again once the buffer has doubled, so a construct of any length costs time
   * linear in its length, not in its length times the number of chunks it spans.
   */
  private pending = 0;
  private readonly entities = new Map<string, Declared>();
  private expanded = 0;
  /** Whether a root element was read. */
  rootSeen = false;

  constructor(private readonly file: string, private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    let c = chunk;
    // CR LF across two chunks: the CR became LF in the first, so the LF goes.
    if (this.cr && c.charCodeAt(0) === 10) c = c.slice(1);
    this.cr = c.charCodeAt(c.length - 1) === 13;
    if (c.includes('\r')) c = c.replace(/\r\n?/g, '\n');
    this.buf = this.buf.length > 0 ? this.buf + c : c;
    if (this.buf.length < 2 * this.pending) return;
    this.run(false);
  }

  end(): void {
    this.run(true);
    const open = this.stack[this.stack.length - 1];
    if (open) this.fail(`unclosed tag '${open.raw}' (opened on line ${open.line}): the file ends before its end tag`, open.line);
  }

  private fail(message: string, line = this.line): never {
    throw bitextError('FL701', `not well-formed XML: ${message}`, this.file, line);
  }

  /** Reads what `buf` holds; with `final`, all of it (an unfinished construct is an error), else up to what is complete. */
  private run(final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    let pos = 0;
    this.pending = 0;
    while (pos < n) {
      const lt = buf.indexOf('<', pos);
      if (lt !== pos) {
        let end = lt < 0 ? n : lt;
        if (lt < 0 && !final) {
          // A reference may be cut by the chunk's end: keep it for the next chunk.
          const amp = buf.lastIndexOf('&', end - 1);
          if (amp >= pos && buf.indexOf(';', amp) < 0) end = amp;
        }
        if (end > pos) this.chars(buf, pos, end);
        pos = end;
        if (lt < 0) break;
      }
      const next = this.markup(buf, pos, final);
      if (next < 0) { this.pending = n - pos; break; }
      this.started = true;
      pos = next;
    }
    if (final && pos < n) this.fail('the file ends inside markup');
    this.buf = pos >= n ? '' : buf.slice(pos);
  }

  /** Character data buf[from, to): outside the root only white space; inside, references resolved. */
  private chars(buf: string, from: number, to: number): void {
    const lines = countLines(buf, from, to);
    if (this.phase !== 'root') {
      const s = buf.slice(from, to);
      if (!SPACE.test(s)) {
        // Before the root element nothing but markup; after it, text is ignored (as it was read before).
        if (this.phase === 'prolog') {
          const i = s.search(/[^ \t\n]/u);
          this.fail(`char '${s[i] ?? ''}' is not expected before the root element`, this.line + countLines(s, 0, i));
        }
      }
      this.started = true;
      this.line += lines;
      return;
    }
    const s = buf.slice(from, to);
    this.handler.text(s.includes('&') ? this.resolve(s, this.line) : s);
    this.line += lines;
  }

  /** Resolves the references of a text or attribute value that starts on `line`. */
  private resolve(s: string, line: number): string {
    let out = '';
    let last = 0;
    for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', last)) {
      REFERENCE.lastIndex = i + 1;
      const m = REFERENCE.exec(s);
      if (!m) this.fail(`char '&' is not expected: write it as &amp; (or a reference such as &#38;)`, line + countLines(s, 0, i));
      const ref = m[0].slice(0, -1);
      const whole = s.slice(i, i + 1 + m[0].length);
      out += s.slice(last, i) + this.entity(ref, whole, line + countLines(s, 0, i));
      last = i + 1 + m[0].length;
    }
    return out + s.slice(last);
  }

  /** The text a reference stands for ("#x2019", "amp", a declared name); unknown names stay as written. */
  private entity(ref: string, whole: string, line: number): string {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const cp = ref.charCodeAt(1) === 120 /* x */ ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!(cp <= 0x10ffff)) return whole;
      // NUL and lone surrogates are not characters: dropped (as fast-xml-parser dropped them).
      if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) return '';
      return String.fromCodePoint(cp);
    }
    const xml = XML_ENTITIES[ref];
    if (xml !== undefined) return xml;
    const declared = this.entities.get(ref);
    if (declared) {
      if (declared.value === undefined) return whole;
      this.expanded += declared.value.length;
      if (this.expanded > ENTITY_LIMITS.expandedLength) {
        this.fail(`entity expansion limit exceeded: more than ${ENTITY_LIMITS.expandedLength.toLocaleString('en-US')} characters come from declared entities (an entity bomb?)`, line);
      }
      return declared.value;
    }
    return Object.hasOwn(HTML_ENTITIES, ref) ? HTML_ENTITIES[ref]! : whole;
  }

  /** Reads the markup at buf[i] ("<"); returns the position after it, or -1 when it is not complete yet. */
  private markup(buf: string, i: number, final: boolean): number {
    const n = buf.length;
    const wait = (): number => (final ? this.fail('the file ends inside markup') : -1);
    if (i + 1 >= n) return wait();
    const c = buf.charCodeAt(i + 1);
    const line = this.line;
    if (c === 47 /* / */) {
      const gt = buf.indexOf('>', i + 2);
      if (gt < 0) return wait();
      const m = /^([^\s>]+)\s*$/u.exec(buf.slice(i + 2, gt));
      if (!m) this.fail(`malformed end tag '${buf.slice(i, Math.min(gt + 1, i + 40))}'`);
      const raw = m[1]!;
      const top = this.stack.pop();
      if (!top) this.fail(`closing tag '${raw}' has not been opened`);
      if (top.raw !== raw) this.fail(`Expected closing tag '${top.raw}' (opened on line ${top.line}) instead of closing tag '${raw}'`);
      this.line += countLines(buf, i, gt);
      if (top.shown) this.handler.close(top.name);
      if (this.stack.length === 0) this.phase = 'epilog';
      return gt + 1;
    }
    if (c === 63 /* ? */) {
      const end = buf.indexOf('?>', i + 2);
      if (end < 0) return wait();
      if (/^<\?xml[\s?]/iu.test(buf.slice(i, i + 6)) && this.started) this.fail('XML declaration allowed only at the start of the document');
      this.line += countLines(buf, i, end);
      return end + 2;
    }
    if (c === 33 /* ! */) {
      if (buf.startsWith('<!--', i)) {
        const end = buf.indexOf('-->', i + 4);
        if (end < 0) return wait();
        this.line += countLines(buf, i, end);
        return end + 3;
      }
      if (buf.startsWith('<![CDATA[', i)) {
        if (this.stack.length === 0) this.fail('a CDATA section outside the root element');
        const end = buf.indexOf(']]>', i + 9);
        if (end < 0) return wait();
        if (this.phase === 'root') this.handler.text(buf.slice(i + 9, end));
        this.line += countLines(buf, i, end);
        return end + 3;
      }
      if (buf.startsWith('<!DOCTYPE', i)) return this.doctypeAt(buf, i, final);
      // A prefix of one of the three, cut by the chunk's end.
      const head = buf.slice(i, i + 9);
      if (!final && head.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((k) => k.startsWith(head))) return -1;
      this.fail(`unexpected markup '${head}'`);
    }
    // A start tag: up to the ">" outside quotes.
    let j = i + 1;
    for (;;) {
      const k = indexOfAny(buf, j);
      if (k < 0) return wait();
      const ch = buf.charCodeAt(k);
      if (ch === 62 /* > */) { j = k; break; }
      const close = buf.indexOf(ch === 34 ? '"' : "'", k + 1);
      if (close < 0) return wait();
      j = close + 1;
    }
    this.startTag(buf.slice(i + 1, j), line);
    this.line += countLines(buf, i, j);
    return j + 1;
  }

  /** A start tag's inside (between "<" and ">") that starts on `line`. */
  private startTag(tag: string, line: number): void {
    const selfClosing = tag.charCodeAt(tag.length - 1) === 47 /* / */;
    const inner = selfClosing ? tag.slice(0, -1) : tag;
    const nameEnd = inner.search(/[\s]/u);
    const raw = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
    if (!NAME.test(raw)) this.fail(`Tag '${raw}' is an invalid name`, line);
    const attrs: Record<string, string> = {};
    const seen = new Set<string>();
    let at = nameEnd < 0 ? inner.length : nameEnd;
    while (at < inner.length) {
      ATTRIBUTE.lastIndex = at;
      const m = ATTRIBUTE.exec(inner);
      if (!m) {
        if (/^\s*$/u.test(inner.slice(at))) break;
        this.fail(`malformed attributes in tag '${raw}': '${inner.slice(at, at + 30).trim()}'`, line);
      }
      const name = m[1]!;
      if (m[2] === undefined) this.fail(`boolean attribute '${name}' is not allowed (give it a quoted value)`, line);
      if (m[3] === undefined && m[4] === undefined) this.fail(`Attribute '${name}' is without value (values are quoted)`, line);
      if (!NAME.test(name)) this.fail(`attribute '${name}' is an invalid name`, line);
      if (seen.has(name)) this.fail(`Attribute '${name}' is repeated`, line);
      seen.add(name);
      at = ATTRIBUTE.lastIndex;
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const v = m[3] ?? m[4] ?? '';
      attrs[localName(name)] = v.includes('&') ? this.resolve(v, line) : v;
    }
    // Elements after the root element are checked, not reported (they were ignored before, not refused).
    const shown = this.phase !== 'epilog';
    const name = localName(raw);
    if (shown) {
      this.phase = 'root';
      this.rootSeen = true;
      this.handler.open({ name, attrs, line, children: [] });
    }
    if (!selfClosing) this.stack.push({ raw, name, line, shown });
    else {
      if (shown) this.handler.close(name);
      if (this.stack.length === 0) this.phase = 'epilog';
    }
  }

  /** `<!DOCTYPE …>` at buf[i]: its internal subset's entity declarations are read; -1 when it is not complete yet. */
  private doctypeAt(buf: string, i: number, final: boolean): number {
    if (this.phase !== 'prolog' || this.doctype) this.fail('a DOCTYPE is allowed once, before the root element');
    // The end: the ">" outside quotes, comments and the [ … ] subset.
    let depth = 0;
    let j = i + 9;
    let end = -1;
    while (j < buf.length) {
      const ch = buf.charCodeAt(j);
      if (ch === 34 || ch === 39) {
        const q = buf.indexOf(ch === 34 ? '"' : "'", j + 1);
        if (q < 0) break;
        j = q + 1;
        continue;
      }
      if (ch === 60 /* < */ && buf.startsWith('<!--', j)) {
        const e = buf.indexOf('-->', j + 4);
        if (e < 0) break;
        j = e + 3;
        continue;
      }
      if (ch === 91 /* [ */) depth++;
      else if (ch === 93 /* ] */) depth--;
      else if (ch === 62 /* > */ && depth <= 0) { end = j; break; }
      j++;
    }
    if (end < 0) return final ? this.fail('the file ends inside the DOCTYPE') : -1;
    this.doctype = true;
    const body = buf.slice(i + 9, end);
    const open = body.indexOf('[');
    if (open >= 0) this.subset(body.slice(open + 1, body.lastIndexOf(']')), this.line + countLines(body, 0, open));
    this.line += countLines(buf, i, end);
    return end + 1;
  }

  /** The declarations of an internal DTD subset that starts on `line`: entities are kept; the others are skipped. */
  private subset(s: string, line: number): void {
    let p = 0;
    const lineAt = (k: number): number => line + countLines(s, 0, k);
    while (p < s.length) {
      const ws = /[^ \t\n]/gu;
      ws.lastIndex = p;
      const m = ws.exec(s);
      if (!m) break;
      p = m.index;
      if (s.startsWith('<!--', p)) { const e = s.indexOf('-->', p + 4); p = e < 0 ? s.length : e + 3; continue; }
      if (s.startsWith('<?', p)) { const e = s.indexOf('?>', p + 2); p = e < 0 ? s.length : e + 2; continue; }
      if (s[p] === '%') this.fail('parameter entity references in the DTD are not supported', lineAt(p));
      if (!s.startsWith('<!', p)) this.fail(`unexpected '${s.slice(p, p + 20)}' in the DOCTYPE`, lineAt(p));
      // The declaration's end: ">" outside quotes.
      let e = p + 2;
      for (;;) {
        const k = indexOfAny(s, e);
        if (k < 0) this.fail('unfinished declaration in the DOCTYPE', lineAt(p));
        if (s.charCodeAt(k) === 62) { e = k; break; }
        const q = s.indexOf(s[k]!, k + 1);
        if (q < 0) this.fail('unfinished quoted value in the DOCTYPE', lineAt(p));
        e = q + 1;
      }
      const decl = s.slice(p, e);
      if (decl.startsWith('<!ENTITY')) this.declare(decl, lineAt(p));
      else if (!/^<!(?:ELEMENT|ATTLIST|NOTATION)\s/u.test(decl)) this.fail(`unexpected '${decl.slice(0, 20)}' in the DOCTYPE`, lineAt(p));
      p = e + 1;
    }
  }

  private declare(decl: string, line: number): void {
    if (/^<!ENTITY\s+%/u.test(decl)) this.fail('parameter entities are not supported', line);
    const m = /^<!ENTITY\s+(\S+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^]*)\s*$/u.exec(decl);
    if (!m) this.fail(`malformed entity declaration '${decl.slice(0, 40)}'`, line);
    const name = m[1]!;
    if (m[4] !== undefined) {
      this.fail(`entity "${name}" is declared from outside the file (${m[4]}): external entities are not supported, nothing is fetched; write the text into the file`, line);
    }
    if (!NAME.test(name)) this.fail(`entity name '${name}' is an invalid name`, line);
    const value = m[2] ?? m[3] ?? '';
    if (value.length > ENTITY_LIMITS.valueLength) {
      this.fail(`entity "${name}" is ${value.length.toLocaleString('en-US')} characters long: limit exceeded (${ENTITY_LIMITS.valueLength.toLocaleString('en-US')})`, line);
    }
    if (this.entities.size >= ENTITY_LIMITS.declarations) {
      this.fail(`more than ${ENTITY_LIMITS.declarations.toLocaleString('en-US')} entity declarations: limit exceeded`, line);
    }
    // The first declaration of a name is the binding one (XML 1.0, 4.2).
    if (!this.entities.has(name)) this.entities.set(name, { value: value.includes('&') || value.includes('%') ? undefined : value });
  }
}

/** The first ">", '"' or "'" at or after `from`; -1 when there is none. */
function indexOfAny(s: string, from: number): number {
  for (let k = from; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 62 || c === 34 || c === 39) return k;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Elements as small trees: a reader asks for the elements it reads whole (a `<trans-unit>`, a `<tu>`), and gets each
// one, with everything inside it, when it closes; the elements around it are given by their start tags only.

export interface SubtreeReader {
  /** A start tag outside the elements read whole, with the start tags around it (`path[0]` is the root's). */
  open?(e: XmlElement, path: readonly XmlElement[]): void;
  /** An element read whole, when it closes; `path` holds the start tags around it (`path[0]` is the root's). */
  element(node: XmlNode, path: readonly XmlElement[]): void;
}

/**
 * A handler that builds the elements `whole` picks (by their start tag and the start tags around them; not those
 * inside an element already being built) as trees, and gives each to `reader.element` when it closes: only those are
 * held in memory.
 */
export function subtrees(whole: (e: XmlElement, path: readonly XmlElement[]) => boolean, reader: SubtreeReader): XmlHandler {
  const path: XmlElement[] = [];
  const building: XmlNode[] = [];
  return {
    open(e) {
      if (building.length > 0 || whole(e, path)) {
        building[building.length - 1]?.children.push(e);
        building.push(e);
        return;
      }
      reader.open?.(e, path);
      path.push(e);
    },
    close() {
      if (building.length > 0) {
        const node = building.pop()!;
        if (building.length === 0) reader.element(node, path);
        return;
      }
      path.pop();
    },
    text(t) {
      const node = building[building.length - 1];
      if (!node) return;
      // One string per run of text, however the chunks cut it (CDATA sections join the text around them).
      const kids = node.children;
      const last = kids.length - 1;
      if (last >= 0 && typeof kids[last] === 'string') kids[last] += t;
      else kids.push(t);
    },
  };
}

/** Reads a whole text (a small document: a test, a fragment) into its root element; no root element is FL702. */
export function parseXml(text: string, file: string, what: string): XmlNode {
  let root: XmlNode | undefined;
  const t = new XmlTokenizer(file, subtrees(() => true, { element: (n) => { root = n; } }));
  t.write(text);
  t.end();
  if (!root) throw bitextError('FL702', `no root element; not ${what}`, file);
  return root;
}

/** Child elements named `name` (local name), in document order. */
export const elements = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c): c is XmlNode => typeof c !== 'string' && c.name === name);

export const element = (node: XmlNode, name: string): XmlNode | undefined => {
  for (const c of node.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
};

/** An attribute by local name (`lang` finds `xml:lang`). */
export const attr = (node: XmlElement, name: string): string | undefined => (Object.hasOwn(node.attrs, name) ? node.attrs[name] : undefined);

/**
 * Inline elements whose content is native code (formatting tags of the original document, XLIFF 1.2 and TMX
 * `<bpt>`, `<ept>`, `<it>`, `<ph>`, `<ut>`) or that are empty placeholders (`<x/>`, `<bx/>`, `<ex/>`, XLIFF 2
 * `<ph/>`, `<sc/>`, `<ec/>`, `<sm/>`, `<em/>`): they stand for markup, not words, so they are dropped. `<sub>` is
 * text inside code (an alt text), not part of the sentence.
 */
const CODE = new Set(['bpt', 'ept', 'it', 'ph', 'ut', 'x', 'bx', 'ex', 'sc', 'ec', 'sm', 'em', 'sub']);

/**
 * The text of an element with inline markup resolved: text of wrapping elements (`<g>`, `<mrk>`, `<pc>`, `<hi>`)
 * is kept, code and placeholders are dropped, XLIFF 2 `<cp hex="…"/>` becomes its character.
 */
export function textOf(node: XmlNode): string {
  let s = '';
  for (const c of node.children) {
    if (typeof c === 'string') { s += c; continue; }
    if (CODE.has(c.name)) continue;
    if (c.name === 'cp') {
      const cp = Number.parseInt(attr(c, 'hex') ?? '', 16);
      if (Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff) s += String.fromCodePoint(cp);
      continue;
    }
    s += textOf(c);
  }
  return s;
}
