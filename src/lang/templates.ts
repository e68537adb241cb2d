import { cpAt, cpBefore, escapeRe, SPACE, SPACE_CHAR, type Flavour, type TermSet } from './text.js';

/**
 * The date-template language of the packs (`dates.patterns`, syntax in pack.ts): compiled once per pack into a tree
 * (compileDateTemplate), and matched from that tree (Template) with the backtracking order of the expression the
 * template stands for, names looked up by their first word instead of tried one by one.
 */

/** Roles a date-template placeholder can play; each placeholder is one capture group. */
export const DATE_ROLES = [
  'day', 'month', 'mm', 'year', 'weekday', 'quarter', 'daypart', 'last', 'next', 'this', 'yearword', 'monthword',
] as const;
export type DateRole = (typeof DATE_ROLES)[number];

export interface CompiledDatePattern {
  template: string;
  /** roles[i] is the role of capture group i + 1. */
  roles: DateRole[];
  /** The template starts with "?": valid only after one of the pack's date prepositions. */
  needsContext: boolean;
  /** Placeholders outside optional and alternative groups: a sentence without them cannot match. */
  required: DateRole[];
  /**
   * The template as a tree, which Template matches as the expression (?<!word char)(?:nodes)(?![\p{L}\p{M}_]|\d) with
   * the pack's name flags would match.
   */
  nodes: DateNode[];
}

/**
 * One element of a compiled date template. `lit`: literal characters (`text`), as an expression source without
 * quantifiers or alternatives (escaped characters and ['’]); `space`: a run of spaces (SPACE+); `slot`: a
 * placeholder, capture group `group` (1-based); `opt`: "[…]", greedy; `alt`: "(a|b)", in order.
 */
export type DateNode =
  | { kind: 'lit'; source: string; text: string }
  | { kind: 'space' }
  | { kind: 'slot'; role: DateRole; group: number }
  | { kind: 'opt'; body: DateNode[] }
  | { kind: 'alt'; branches: DateNode[][] };

/**
 * What a placeholder matches: `digits` for numbers, (?<!\d)\d{min,max}(?:suffix|…)?(?!\d), or `terms` for names
 * (longest first, word boundaries, matched by a TermSet), then, with `notBeforeHyphenLetter`, (?!-\p{L}).
 */
export interface DatePlaceholder {
  terms?: string[];
  digits?: { min: number; max: number; suffixes: string[] };
  notBeforeHyphenLetter?: boolean;
}

/** Compiles one date template (syntax in pack.ts, `dates.patterns`). Throws Error with a message on a bad template. */
export function compileDateTemplate(template: string, flags: string): CompiledDatePattern {
  const roles: DateRole[] = [];
  const required: DateRole[] = [];
  /** The template as an expression with each placeholder as (x): checked at load (a template must be one). */
  let shape = '';
  // The tree: `stack` holds the node lists being filled, innermost last; an alternative group's branches are
  // closed at "|" and ")".
  const root: DateNode[] = [];
  const stack: { nodes: DateNode[]; group?: { kind: 'opt' | 'alt'; branches: DateNode[][] } }[] = [{ nodes: root }];
  const add = (n: DateNode): void => {
    const cur = stack[stack.length - 1]!.nodes;
    const last = cur[cur.length - 1];
    if (n.kind === 'lit' && last?.kind === 'lit') {
      last.source += n.source;
      last.text += n.text;
    } else cur.push(n);
  };
  let i = 0;
  let needsContext = false;
  let depth = 0;
  const open: string[] = [];
  if (template.startsWith('?')) {
    needsContext = true;
    i = 1;
  }
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new Error(`unclosed "{" in "${template}"`);
      const name = template.slice(i + 1, end);
      if (!(DATE_ROLES as readonly string[]).includes(name)) throw new Error(`unknown placeholder {${name}} in "${template}"`);
      roles.push(name as DateRole);
      if (depth === 0) required.push(name as DateRole);
      shape += '(x)';
      add({ kind: 'slot', role: name as DateRole, group: roles.length });
      i = end + 1;
      continue;
    }
    if (c === '[' || c === '(') {
      open.push(c === '[' ? ']' : ')');
      depth++;
      shape += '(?:';
      stack.push({ nodes: [], group: { kind: c === '[' ? 'opt' : 'alt', branches: [] } });
    } else if (c === ']' || c === ')') {
      if (open.pop() !== c) throw new Error(`unbalanced "${c}" in "${template}"`);
      depth--;
      shape += c === ']' ? ')?' : ')';
      const { nodes, group } = stack.pop()!;
      group!.branches.push(nodes);
      // "[a|b]" is an optional group of alternatives.
      const body: DateNode[] = group!.branches.length === 1 ? group!.branches[0]! : [{ kind: 'alt', branches: group!.branches }];
      if (c === ']') add({ kind: 'opt', body });
      else if (group!.branches.length === 1) for (const n of body) stack[stack.length - 1]!.nodes.push(n);
      else add(body[0]!);
    } else if (c === '|') {
      if (depth === 0) throw new Error(`"|" outside a group in "${template}"`);
      shape += '|';
      const top = stack[stack.length - 1]!;
      top.group!.branches.push(top.nodes);
      top.nodes = [];
    } else if (c === ' ') {
      shape += `${SPACE}+`;
      add({ kind: 'space' });
    } else if (c === "'" || c === '’') {
      shape += "['’]";
      add({ kind: 'lit', source: "['’]", text: c });
    } else {
      shape += escapeRe(c);
      add({ kind: 'lit', source: escapeRe(c), text: c });
    }
    i++;
  }
  if (open.length) throw new Error(`unclosed "${open.includes(']') ? '[' : '('}" in "${template}"`);
  if (roles.length === 0) throw new Error(`no placeholder in "${template}"`);
  try {
    new RegExp(shape, flags);
  } catch (e) {
    throw new Error(`not a valid pattern: "${template}" (${(e as Error).message})`);
  }
  return { template, roles, needsContext, required, nodes: root };
}

// ---------------------------------------------------------------- matching

/** The words of a sentence: where each starts and its caseKey. */
export interface Words {
  keyAt: Map<number, string>;
  /** Start of every word, ascending. */
  starts: number[];
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const cpLength = (s: string, p: number): number => cpAt(s, p).length || 1;

/** The name lists a template's placeholders are matched with (each a TermSet), and the flags they were built with. */
export interface TemplateNames {
  names: Partial<Record<DateRole, TermSet>>;
  flavour: Flavour;
  /** Sticky flags for the small expressions (literal words, day suffixes). */
  stickyFlags: string;
}

/** Where a template can start. */
type Start = { kind: 'digit' } | { kind: 'names'; role: DateRole } | { kind: 'word' } | { kind: 'any' };

/**
 * A date template matched from its tree, with the backtracking order of its expression
 * (?<!word)(?:nodes)(?![\p{L}\p{M}_]|\d): greedy spaces, greedy optional groups (an optional group that matches
 * nothing counts as skipped), alternatives in order, names in the order of their alternation, numbers as
 * (?<!\d)\d{min,max}(?:suffix|…)?(?!\d) with \d{min,max} greedy.
 */
export class Template {
  private readonly nodes: DateNode[];
  private readonly lits = new Map<DateNode, RegExp>();
  private readonly suffixes = new Map<DateRole, RegExp[]>();
  readonly starts: Start[];
  /** Capture positions of the match in progress: [start, end] of group k at 2(k-1), -1 when unset. */
  private caps: number[];
  private s = '';
  private words: Words | undefined;

  constructor(
    readonly pattern: CompiledDatePattern,
    private readonly placeholders: Record<DateRole, DatePlaceholder>,
    private readonly t: TemplateNames,
  ) {
    this.nodes = pattern.nodes;
    this.caps = new Array<number>(pattern.roles.length * 2).fill(-1);
    const visit = (nodes: DateNode[]): void => {
      for (const n of nodes) {
        if (n.kind === 'lit') this.lits.set(n, new RegExp(n.source, t.stickyFlags));
        else if (n.kind === 'opt') visit(n.body);
        else if (n.kind === 'alt') n.branches.forEach(visit);
        else if (n.kind === 'slot' && placeholders[n.role].digits && !this.suffixes.has(n.role)) {
          const suffixes = placeholders[n.role].digits!.suffixes;
          this.suffixes.set(n.role, suffixes.map((x) => new RegExp(escapeRe(x), t.stickyFlags)));
        }
      }
    };
    visit(this.nodes);
    const starts: Start[] = [];
    this.first(this.nodes, 0, starts);
    this.starts = starts.some((x) => x.kind === 'any') ? [{ kind: 'any' }] : starts;
  }

  /** What the sequence nodes[i..] can start with (all that it can match first). */
  private first(nodes: DateNode[], i: number, out: Start[]): void {
    if (i >= nodes.length) return void out.push({ kind: 'any' });
    const n = nodes[i]!;
    if (n.kind === 'slot') {
      const ph = this.placeholders[n.role];
      const names = this.t.names[n.role];
      if (ph.digits) out.push(ph.digits.min > 0 ? { kind: 'digit' } : { kind: 'any' });
      else if (names && !names.anywhere) out.push({ kind: 'names', role: n.role });
      else out.push({ kind: 'any' });
    } else if (n.kind === 'lit') {
      // A literal starting with a letter or digit starts a word: the template begins with (?<!word).
      out.push(/^[\p{L}\p{M}\p{N}]/u.test(n.text) ? { kind: 'word' } : { kind: 'any' });
    } else if (n.kind === 'space') out.push({ kind: 'any' });
    else if (n.kind === 'opt') {
      this.first([...n.body, ...nodes.slice(i + 1)], 0, out);
      this.first(nodes, i + 1, out);
    } else for (const b of n.branches) this.first([...b, ...nodes.slice(i + 1)], 0, out);
  }

  /**
   * The matches in the sentence, as s.matchAll(pattern.re) gives them: [start, end, capture start/end pairs].
   * `positions` are the candidate starts (ascending): every position where the expression could match.
   */
  *matchAll(s: string, words: Words, positions: readonly number[]): Generator<{ start: number; end: number; caps: number[] }> {
    let from = 0;
    for (const p of positions) {
      if (p < from) continue;
      const end = this.matchAt(s, words, p);
      if (end < 0) continue;
      const caps = this.caps.slice();
      from = end > p ? end : p + cpLength(s, p);
      yield { start: p, end, caps };
    }
  }

  /** The end of the match at p (the expression made sticky), or -1; the captures are left in this.caps. */
  matchAt(s: string, words: Words, p: number): number {
    if (this.t.flavour.word.test(cpBefore(s, p))) return -1;
    this.s = s;
    this.words = words;
    this.caps.fill(-1);
    let end = -1;
    const ok = this.seq(this.nodes, 0, p, (e) => {
      if (this.t.flavour.dateEnd.test(cpAt(s, e))) return false;
      end = e;
      return true;
    });
    return ok ? end : -1;
  }

  private seq(nodes: DateNode[], i: number, pos: number, k: (pos: number) => boolean): boolean {
    if (i === nodes.length) return k(pos);
    const n = nodes[i]!;
    const s = this.s;
    switch (n.kind) {
      case 'lit': {
        const re = this.lits.get(n)!;
        re.lastIndex = pos;
        const m = re.exec(s);
        return m !== null && this.seq(nodes, i + 1, pos + m[0].length, k);
      }
      case 'space': {
        let e = pos;
        while (e < s.length && SPACE_CHAR.test(s[e]!)) e++;
        for (; e > pos; e--) if (this.seq(nodes, i + 1, e, k)) return true;
        return false;
      }
      case 'slot': {
        const at = 2 * (n.group - 1);
        for (const e of this.slotEnds(n.role, pos)) {
          this.caps[at] = pos;
          this.caps[at + 1] = e;
          if (this.seq(nodes, i + 1, e, k)) return true;
        }
        this.caps[at] = -1;
        this.caps[at + 1] = -1;
        return false;
      }
      case 'opt':
        // Greedy; a pass through the group that consumes nothing fails (the ECMAScript empty check).
        if (this.seq(n.body, 0, pos, (e) => e !== pos && this.seq(nodes, i + 1, e, k))) return true;
        return this.seq(nodes, i + 1, pos, k);
      case 'alt':
        for (const b of n.branches) if (this.seq(b, 0, pos, (e) => this.seq(nodes, i + 1, e, k))) return true;
        return false;
    }
  }

  /** The ends of a placeholder matched at pos, in the order its expression tries them. */
  private slotEnds(role: DateRole, pos: number): number[] {
    const s = this.s;
    const ph = this.placeholders[role];
    const out: number[] = [];
    if (ph.digits) {
      const { min, max } = ph.digits;
      if (pos > 0 && isDigit(s.charCodeAt(pos - 1))) return out;
      const suffixes = this.suffixes.get(role)!;
      for (let n = max; n >= min; n--) {
        let ok = pos + n <= s.length;
        for (let j = 0; ok && j < n; j++) ok = isDigit(s.charCodeAt(pos + j));
        if (!ok) continue;
        const e0 = pos + n;
        for (const re of suffixes) {
          re.lastIndex = e0;
          const m = re.exec(s);
          if (m && m[0].length > 0 && !isDigit(s.charCodeAt(e0 + m[0].length))) out.push(e0 + m[0].length);
        }
        if (!isDigit(s.charCodeAt(e0))) out.push(e0);
      }
      return out;
    }
    const names = this.t.names[role];
    if (!names) return out;
    const key = this.words!.keyAt.get(pos) ?? '';
    for (const k of names.candidates(s, pos, key)) {
      const e = names.endOf(k, s, pos);
      if (e < 0) continue;
      // (?!-\p{L}): not the start of a hyphenated name.
      if (ph.notBeforeHyphenLetter && s[e] === '-' && this.t.flavour.letter.test(cpAt(s, e + 1))) continue;
      out.push(e);
    }
    return out;
  }
}

/** Candidate starts of a template in a sentence: a superset of where its expression can match, ascending. */
export function startPositions(tpl: Template, s: string, words: Words, byRole: Map<DateRole, number[]>, digits: () => number[]): readonly number[] {
  if (tpl.starts.length === 1) {
    const only = tpl.starts[0]!;
    if (only.kind === 'digit') return digits();
    if (only.kind === 'word') return words.starts;
    if (only.kind === 'names') return byRole.get(only.role) ?? [];
  }
  if (tpl.starts.some((x) => x.kind === 'any')) {
    const all: number[] = [];
    for (let p = 0; p <= s.length; p += p < s.length ? cpLength(s, p) : 1) all.push(p);
    return all;
  }
  const set = new Set<number>();
  for (const x of tpl.starts) {
    const list = x.kind === 'digit' ? digits() : x.kind === 'word' ? words.starts : x.kind === 'names' ? (byRole.get(x.role) ?? []) : [];
    for (const p of list) set.add(p);
  }
  return [...set].sort((a, b) => a - b);
}

