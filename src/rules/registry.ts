import type { RuleKind } from './types.js';

/** What the evaluate stage needs of the engine besides KINDS: the shapes a kind takes and returns. */
export type { RawFinding, RuleKind, PairContext, SourceContext, StoryContext } from './types.js';
export { ENGINE_VARS, placeholdersOf } from './types.js';
import { entityDrift } from './kinds/entity-drift.js';
import { valueConflict } from './kinds/value-conflict.js';
import { eventConflict } from './kinds/event-conflict.js';
import { markerDrift } from './kinds/marker-drift.js';
import { attributionConflict } from './kinds/attribution-conflict.js';
import { unalignedContent } from './kinds/unaligned-content.js';
import { unsourcedClaim } from './kinds/unsourced-claim.js';
import { internalContradiction } from './kinds/internal-contradiction.js';
import { editDiff } from './kinds/edit-diff.js';
import { figureMismatch } from './kinds/figure-mismatch.js';
import { titleDrift } from './kinds/title-drift.js';

/** Every rule kind, by name. A rule file names one of these; adding a rule a kind can express needs no code. */
export const KINDS: Record<string, RuleKind<never>> = Object.fromEntries(
  [entityDrift, valueConflict, eventConflict, markerDrift, attributionConflict, unalignedContent, unsourcedClaim, internalContradiction, editDiff, figureMismatch, titleDrift]
    .map((k) => [k.name, k as unknown as RuleKind<never>]),
);
