/**
 * Escaping for every output format a reporter writes. Source texts are hostile input: they may hold markup,
 * XML-illegal characters, workflow commands or terminal escape sequences, and must come out as inert text.
 */

// Terminal and CI-log output. A GitHub runner reads workflow commands from every line a step prints, on stdout and
// stderr alike: a line whose first non-blank characters are `::` (ActionCommand.TryParseV2), and the legacy form
// `##[command]` anywhere in a line (ActionCommand.TryParse); its lines end at CR, LF or CRLF. Text from inputs (file
// names, unit ids, story keys, quotes, parser messages) must never form either.

/**
 * Characters shown escaped wherever text reaches a terminal or a log: C0 controls (tab and line breaks included),
 * DEL, C1 controls, the line and paragraph separators, and the bidirectional controls (embeddings, overrides,
 * isolates, marks) that make a reader see text in another order than it is (Trojan Source).
 */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const BIDI_CHARS = new RegExp(`[${BIDI}]`, 'gu');
const UNSAFE = `\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI}`;
const UNSAFE_CHAR = new RegExp(`[${UNSAFE}]`, 'u');
const UNSAFE_CHARS = new RegExp(`[${UNSAFE}]`, 'gu');
/** The runner's legacy command prefix, obeyed anywhere in a line. */
const LEGACY_COMMAND = /##\[/gu;
/** A line the runner would read as a workflow command: `::` after leading white space (TrimStart) or format characters. */
const COMMAND_STARTS = /^((?:[^\S\r\n]|\p{Cf})*):(?=:)/gmu;
const COMMAND_START = /^(?:\s|\p{Cf})*::/u;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content or a quoted attribute value. C0 controls other than tab and line breaks are shown
 * as their Unicode control pictures (ESC as ␛) so a reader sees them, and C1 controls as U+FFFD; each replacement is
 * one UTF-16 unit, so offsets computed on the raw text stay valid segment by segment. Line breaks are written as
 * `&#10;` (what the parser makes of a literal CR, LF or CRLF), so no line of the page starts with text from a
 * source, and `##[` as `##&#91;`: the page is the same document, and inert in a CI log.
 */
export function escapeHtml(s: string): string {
  return s.replace(/\r\n?|\n|##\[|[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\u0080-\u009f]/gu, (c) => {
    const mapped = HTML_ESCAPES[c];
    if (mapped !== undefined) return mapped;
    if (c === '##[') return '##&#91;';
    const code = c.charCodeAt(0);
    if (code === 0x0a || code === 0x0d) return '&#10;';
    if (code === 0x7f) return '\u2421';
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return '\ufffd';
  });
}

/** Characters that XML 1.0 forbids anywhere (including lone surrogates); they cannot be escaped, only removed. */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const stripXmlIllegal = (s: string): string => s.replace(XML_ILLEGAL, '');

/**
 * Text for XML element content or a double-quoted attribute value. Illegal characters are stripped; tab and line
 * breaks become character references so attribute-value normalisation keeps them; `>` is escaped so `]]>` cannot
 * appear; `##[` is written `##&#91;` (inert in a CI log, the same text to a parser).
 */
export function escapeXml(s: string): string {
  return stripXmlIllegal(s).replace(/##\[|[&<>"'\t\n\r]/gu, (c) => {
    switch (c) {
      case '##[': return '##&#91;';
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&apos;';
      default: return `&#${c.charCodeAt(0)};`;
    }
  });
}

/**
 * Like escapeXml, but keeps line breaks literal: for element content that a person reads (JUnit failure bodies). A
 * line that would start with `::` gets its first colon as `&#58;`, and `##[` is written `##&#91;`: the same text to
 * a parser, never a workflow command when the XML is printed in a CI log.
 */
export function escapeXmlText(s: string): string {
  return stripXmlIllegal(s.replace(/\r\n?/gu, '\n'))
    .replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(COMMAND_STARTS, '$1&#58;')
    .replace(LEGACY_COMMAND, '##&#91;');
}

// ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ … BEL or ST), and two-byte escapes;
// plus their 8-bit C1 forms (CSI U+009B, OSC U+009D, …).
const TERMINAL_SEQUENCES =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/gu;

/**
 * Text safe for a terminal or a CI log that interprets ANSI escapes: removes escape sequences and every other C0/C1
 * control except tab and newline; CR and CRLF become newline so nothing can overwrite an earlier part of the line.
 */
export function stripTerminalControls(s: string): string {
  return s
    .replace(TERMINAL_SEQUENCES, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu, '');
}

const C_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const hexEscape = (c: string): string => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/**
 * Text for one line of a terminal or CI log: control, separator and bidirectional characters become visible C-style
 * escapes (`\n`, `\x1b`, `\u202e`), so nothing can start a new line, move the cursor or reorder what follows; and
 * `##[` becomes `##\x5b`, so no runner reads it as a command. For messages that follow a fixed prefix on their line.
 */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE_CHARS, (c) => C_ESCAPES[c] ?? hexEscape(c)).replace(LEGACY_COMMAND, '##\\x5b');
}

/** Bidirectional controls as visible escapes (`\u202e`), for text shown where a reader could be misled (annotations). */
export const escapeBidi = (s: string): string => s.replace(BIDI_CHARS, hexEscape);

/**
 * A name (file path, unit id, story key) for a terminal or a log, as git shows paths: as it is when it is plain,
 * else in double quotes with C-style escapes (`"a\nb.txt"`, backslash and quote escaped too, so the quoted form is
 * unambiguous). A name that would start a workflow command at the start of a line (`::…`) or holds `##[` is quoted.
 */
export function terminalName(s: string): string {
  const plain = !UNSAFE_CHAR.test(s) && !/["\\]/u.test(s) && !COMMAND_START.test(s) && !s.includes('##[');
  return plain ? s : `"${escapeControls(s.replace(/[\\"]/gu, '\\$&'))}"`;
}

/**
 * The last guard on text factlint prints to a terminal or log that is not a workflow command it means: a line that
 * starts with `::` (after blanks) gets its first colon as `\x3a`, and `##[` becomes `##\x5b`. Names and messages are
 * escaped where they are formatted; this catches what reaches a line start some other way.
 */
export const defuseWorkflowCommands = (text: string): string =>
  text.replace(COMMAND_STARTS, '$1\\x3a').replace(LEGACY_COMMAND, '##\\x5b');

/** JSON text (JSON and SARIF reports) with `##[` written `##\u005b`: the same JSON to a parser, inert in a log. */
export const defuseJson = (json: string): string => json.replace(LEGACY_COMMAND, '##\\u005b');

/** The message part of a GitHub workflow command (after `::`), as actions/toolkit escapes it. */
export const escapeWorkflowData = (s: string): string =>
  s.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');

/** A property value of a GitHub workflow command (`file=…,title=…`), as actions/toolkit escapes it. */
export const escapeWorkflowProperty = (s: string): string =>
  escapeWorkflowData(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

/**
 * Text for a GitHub-flavoured markdown table cell: inert (no markup, links, mentions or HTML), on one line.
 * ASCII punctuation that markdown could interpret is backslash-escaped, and `&`/`<`/`>` become entities.
 */
export function escapeMarkdownCell(s: string): string {
  return stripTerminalControls(s)
    .replace(/[\n\t\u2028\u2029]+/gu, ' ')
    .replace(/[\\`*_{}[\]()#+!|~@:.$]/gu, (c) => `\\${c}`)
    .replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}
