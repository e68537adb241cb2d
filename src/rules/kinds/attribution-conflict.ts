import type { Attribution, Claim } from '../../model/claim.js';
import type { EntityMention } from '../../model/mention.js';
import type { Span } from '../../model/span.js';
import type { RawFinding, RuleKind, SourceData } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { rolesAgree } from '../compare/roles.js';
import { near } from '../compare/names.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  dropped: boolean;
  minScore?: number;
}

/**
 * A speaker worth comparing: a person's or an organisation's name, i.e. two or more words ("Anna Berg"), or one word
 * that the same article also gives as the last word of a longer name ("Berg" after "Sheriff Anna Berg"). Countries
 * and capitals (gazetteer names) are subjects next to "said", not speakers.
 */
const speakerLike = (e: EntityMention, src: SourceData): boolean => {
  if (e.alias || e.tokens.join('').length < 4) return false;
  if (e.tokens.length >= 2) return true;
  const t = e.tokens[0]!;
  return src.claims.some((c) => c.entities.some((x) => x.tokens.length >= 2 && x.tokens[x.tokens.length - 1] === t));
};

/** Who an aligned sentence credits. */
interface Speaker {
  attribution: Attribution;
  /** The named speaker (a person or an organisation), when there is one. */
  name?: EntityMention;
  /** The office of the speaker, or the office that speaks. */
  office?: Attribution['office'];
  /** A pronoun ("he said") and the name it stands for, if the sentences before make it plain. */
  pronoun?: Span & { antecedent?: EntityMention; sure?: boolean };
}

const sameName = (x: EntityMention, y: EntityMention): boolean => x.key === y.key || x.tokens.some((t) => y.tokens.some((u) => near(t, u)));

/**
 * The name a pronoun speaker stands for: the named speaker of the last attributed sentence before it (news go on
 * "X said. … he said."), else the one person named in the two sentences before, if only one is.
 */
function antecedent(src: SourceData, claim: Claim): { name: EntityMention; sure: boolean } | undefined {
  const i = src.claims.indexOf(claim);
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const a = src.claims[k]!.attribution;
    if (!a?.speakerSpan || a.pronoun) continue;
    const e = src.claims[k]!.entities.find((x) => x.start === a.speakerSpan!.start);
    if (e && speakerLike(e, src)) return { name: e, sure: true };
  }
  const people = src.claims.slice(Math.max(0, i - 2), i + 1)
    .flatMap((c) => c.entities.filter((e) => !e.alias && e.tokens.length >= 2 && (c !== claim || e.end <= (claim.attribution?.cueSpan.start ?? 0))));
  const distinct = people.filter((e, k) => !people.slice(0, k).some((x) => sameName(x, e)));
  return distinct.length === 1 ? { name: distinct[0]!, sure: false } : undefined;
}

function speakerOf(claims: Claim[], src: SourceData): Speaker | undefined {
  const c = claims.find((x) => x.attribution?.speakerSpan) ?? claims.find((x) => x.attribution);
  const a = c?.attribution;
  if (!c || !a) return undefined;
  const out: Speaker = { attribution: a, ...(a.office ? { office: a.office } : {}) };
  if (a.speakerSpan && a.pronoun) {
    const ante = antecedent(src, c);
    out.pronoun = { ...a.speakerSpan, ...(ante ? { antecedent: ante.name, sure: ante.sure } : {}) };
  } else if (a.speakerSpan) {
    const e = c.entities.find((x) => x.start === a.speakerSpan!.start);
    if (e && speakerLike(e, src)) out.name = e;
  }
  return out;
}

/** Tokens of the names written in sentences first..last of a source (two either side of a link). */
const namesAround = (src: SourceData, ids: string[], reach = 2): string[] => {
  const first = src.sentenceById.get(ids[0]!)!.index;
  const last = src.sentenceById.get(ids[ids.length - 1]!)!.index;
  return src.claims.slice(Math.max(0, first - reach), last + reach + 1).flatMap((c) => c.entities.flatMap((e) => e.tokens));
};

/**
 * Aligned sentences credited to different speakers (named, or a pronoun whose antecedent is another person), to
 * offices that name different roles ("the Minister of Health" / "Bộ trưởng Bộ Tài chính"), or credited on one side
 * only.
 */
export const attributionConflict: RuleKind<Params> = {
  name: 'attribution-conflict',
  scope: 'pair',
  vars: ['a', 'b', 'how'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: {
      dropped: { description: 'Report a named speaker on one side with no attribution at all on the other.', type: 'boolean' },
      minScore: { description: 'Between reports of one event by different outlets (not versions of one text): the least alignment score of a pair whose speakers are compared. Two outlets quote different people without contradicting each other; only sentences surely paired say the same statement.', type: 'number', minimum: 0, maximum: 1 },
    },
    required: ['dropped'],
  },
  checkPair(ctx, p) {
    const out: RawFinding[] = [];
    for (const lc of linkedClaims(ctx)) {
      // Two outlets' reports quote different people freely: there, only surely paired sentences are compared.
      if (ctx.story.relation !== 'versions' && lc.link.score < (p.minScore ?? 0)) continue;
      const sa = speakerOf(lc.a, ctx.a);
      const sb = speakerOf(lc.b, ctx.b);
      const push = (x: Span, y: Span, a: string, b: string, how: string, unsure = false): void => {
        out.push({ locations: [loc(ctx.a.source.text, x), loc(ctx.b.source.text, y)], context: contextOf(ctx, lc), vars: { a, b, how }, ...(unsure ? { severity: 'info' as const } : {}) });
      };
      if (sa && sb) {
        const textOf = (side: typeof ctx.a, s: Span): string => side.source.text.slice(s.start, s.end);
        if (sa.name && sb.name) {
          // The same person may be named in full on one side and by surname on the other.
          if (sameName(sa.name, sb.name)) continue;
          // Only when the other side does not mention this speaker anywhere in the linked sentences.
          const namesB = lc.b.flatMap((c) => c.entities.flatMap((e) => e.tokens));
          if (sa.name.tokens.some((t) => namesB.some((u) => near(t, u)))) continue;
          push(sa.name, sb.name, sa.name.text, sb.name.text, 'credited to a different speaker');
          continue;
        }
        // "he said" on one side, "said Finance Minister Ana Ruiz" on the other: the pronoun stands for someone else.
        const pronounVsName = (pr: Speaker, named: Speaker, prSide: typeof ctx.a, prIds: string[], namedSide: typeof ctx.a): boolean => {
          const ante = pr.pronoun?.antecedent;
          if (!ante || !named.name || sameName(ante, named.name)) return false;
          if (named.name.tokens.some((t) => namesAround(prSide, prIds).some((u) => near(t, u)))) return false;
          // Where every noun is capitalised ("Ihr Vater"), a name is one that the other version writes too.
          return !ctx.knowledge.pack(namedSide.source.lang).capitalisesNouns
            || prSide.claims.some((c) => c.entities.some((e) => named.name!.tokens.some((t) => e.tokens.some((u) => near(t, u)))));
        };
        if (sa.pronoun && sb.name && pronounVsName(sa, sb, ctx.a, lc.link.aSentences, ctx.b)) {
          // A pronoun read through the last named speaker is sure enough; through the one person named before, a note.
          push(sa.pronoun, sb.name, `${textOf(ctx.a, sa.pronoun)} (${sa.pronoun.antecedent!.text})`, sb.name.text, 'credited to a different speaker', !sa.pronoun.sure);
          continue;
        }
        if (sb.pronoun && sa.name && pronounVsName(sb, sa, ctx.b, lc.link.bSentences, ctx.a)) {
          push(sa.name, sb.pronoun, sa.name.text, `${textOf(ctx.b, sb.pronoun)} (${sb.pronoun.antecedent!.text})`, 'credited to a different speaker', !sb.pronoun.sure);
          continue;
        }
        // Offices: one speaking office for another. A named person's title is the title rule's to compare.
        if (sa.office && sb.office && !(sa.name && sb.name) && !rolesAgree(sa.office.roles, sb.office.roles)) {
          push(sa.office, sb.office, sa.office.text, sb.office.text, 'credited to another office');
        }
        continue;
      }
      if (!p.dropped || ctx.story.relation !== 'versions' || lc.link.score < 0.3) continue;
      // A named speaker on one side, no attribution at all on the other (no name, pronoun, office, "theo", "laut").
      const one = sa?.name && !sb ? { at: sa, side: 'a' as const } : sb?.name && !sa ? { at: sb, side: 'b' as const } : undefined;
      if (!one) continue;
      const quoted = (one.side === 'a' ? lc.b : lc.a).some((c) => c.quoted);
      if (quoted) continue;
      // Translations often move the attribution to the next sentence: look two sentences either side.
      const otherSide = one.side === 'a' ? ctx.b : ctx.a;
      const ids = one.side === 'a' ? lc.link.bSentences : lc.link.aSentences;
      const around = namesAround(otherSide, ids);
      if (one.at.name!.tokens.some((t) => around.some((u) => near(t, u)))) continue;
      const other = one.side === 'a' ? lc.link.b : lc.link.a;
      const here = loc((one.side === 'a' ? ctx.a : ctx.b).source.text, one.at.name!);
      const there = loc(otherSide.source.text, other);
      out.push({
        locations: one.side === 'a' ? [here, there] : [there, here],
        context: contextOf(ctx, lc),
        vars: { a: one.at.attribution.speaker ?? '', b: '(no attribution)', how: 'attribution dropped' },
      });
    }
    return out;
  },
};
