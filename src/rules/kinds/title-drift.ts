import type { Claim, TitledName } from '../../model/claim.js';
import type { RawFinding, RuleKind } from '../types.js';
import { contextOf, linkedClaims, loc } from '../util.js';
import { rolesAgree } from '../compare/roles.js';
import { near } from '../compare/names.js';

/** The rule file's params, each described in paramsSchema. */
interface Params {
  crossLanguageOnly: boolean;
}

/** The name's tokens, from the claim's entity mention at the titled name's span. */
const tokensOf = (c: Claim[], t: TitledName): string[] =>
  c.flatMap((x) => x.entities).find((e) => e.start === t.name.start && e.end === t.name.end)?.tokens ?? [];

/**
 * One person given two different roles in aligned sentences: "chief financial officer Daniel Koh" / "ông Daniel Koh,
 * Tổng giám đốc" (a CFO became the CEO). Titles are compared by the roles the language packs give them
 * (`titleRoles`), so a translation is compared by meaning; an ambiguous title ("chủ tịch": chairman or president)
 * conflicts only with a title that shares none of its roles.
 */
export const titleDrift: RuleKind<Params> = {
  name: 'title-drift',
  scope: 'pair',
  vars: ['a', 'b', 'name'],
  paramsSchema: {
    type: 'object', additionalProperties: false,
    properties: { crossLanguageOnly: { description: 'Compare only between versions in different languages (within one language the edit rules see a changed word).', type: 'boolean' } },
    required: ['crossLanguageOnly'],
  },
  checkPair(ctx, p) {
    if (p.crossLanguageOnly && ctx.a.source.lang === ctx.b.source.lang) return [];
    const out: RawFinding[] = [];
    for (const lc of linkedClaims(ctx)) {
      const ta = lc.a.flatMap((c) => c.titled ?? []);
      const tb = lc.b.flatMap((c) => c.titled ?? []);
      if (ta.length === 0 || tb.length === 0) continue;
      for (const x of ta) {
        const nx = tokensOf(lc.a, x);
        // The same person on the other side, with a title of its own.
        const ys = tb.filter((y) => { const ny = tokensOf(lc.b, y); return nx.length > 0 && ny.length > 0 && nx[nx.length - 1] !== undefined && ny.some((u) => near(nx[nx.length - 1]!, u)); });
        if (ys.length === 0) continue;
        // Any title of that person on the other side that can name one of this title's roles settles it.
        if (ys.some((y) => rolesAgree(x.roles, y.roles))) continue;
        const y = ys[0]!;
        out.push({
          locations: [loc(ctx.a.source.text, x.title), loc(ctx.b.source.text, y.title)],
          context: contextOf(ctx, lc),
          vars: { a: x.title.text, b: y.title.text, name: ctx.a.source.text.slice(x.name.start, x.name.end) },
        });
      }
    }
    return out;
  },
};
