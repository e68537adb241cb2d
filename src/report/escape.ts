/**
 * Escaping for every output format a reporter writes. Source texts are hostile input: they may hold markup,
 * XML-illegal characters, workflow commands or terminal escape sequences, and must come out as inert text.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content or a quoted attribute value. C0 controls other than tab and line breaks are shown
 * as their Unicode control pictures (ESC as ␛) so a reader sees them, and C1 controls as U+FFFD; each replacement is
 * one UTF-16 unit, so offsets computed on the raw text stay valid segment by segment.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\u0080-\u009f]/gu, (c) => {
    const mapped = HTML_ESCAPES[c];
    if (mapped !== undefined) return mapped;
    const code = c.charCodeAt(0);
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
 * appear.
 */
export function escapeXml(s: string): string {
  return stripXmlIllegal(s).replace(/[&<>"'\t\n\r]/gu, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&apos;';
      default: return `&#${c.charCodeAt(0)};`;
    }
  });
}

/** Like escapeXml, but keeps line breaks literal: for element content that a person reads (JUnit failure bodies). */
export function escapeXmlText(s: string): string {
  return stripXmlIllegal(s.replace(/\r\n?/gu, '\n')).replace(/[&<>]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
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
