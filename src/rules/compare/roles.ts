/**
 * Whether two titles can name the same role: they share a role, or one names a kind of the other's ("minister" and
 * "minister.finance"; "minister.finance" and "minister.health" cannot both be right).
 */
export const rolesAgree = (xs: readonly string[], ys: readonly string[]): boolean =>
  xs.some((x) => ys.some((y) => x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`)));
