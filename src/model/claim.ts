import type { Span } from './span.js';
import type { DateMention, EntityMention, QuantityMention } from './mention.js';

export interface Attribution {
  /** The speaker's name as written, or a pronoun/generic ("they", "experts"). */
  speaker?: string;
  speakerSpan?: Span;
  /** Title or affiliation ("vice president of Orlen", "Thứ trưởng"). */
  title?: string;
  titleSpan?: Span;
  /** The attribution cue ("said", "according to", "cho biết"). */
  cue: string;
  cueSpan: Span;
  /** Attribution to an anonymous source ("sources familiar with…"). */
  anonymous: boolean;
  /** The speaker is a pronoun ("he said", "ông nói"): its span is the pronoun's. */
  pronoun?: boolean;
  /** The office that names the speaker or speaks ("Finance Minister", "Bộ trưởng Bộ Tài chính"), with its roles. */
  office?: Span & { text: string; roles: string[] };
}

export interface EventMarker extends Span {
  /** Verb class from the language pack ("acquire", "invest", "lease", …). */
  cls: string;
  text: string;
}

export interface ModalityMarker extends Span {
  /** "possible" (could, may), "expected" (expected to, plans), "future" (will), "certain" (is, did). */
  level: 'possible' | 'expected' | 'future' | 'impossible';
  text: string;
}

export interface NegationMarker extends Span {
  text: string;
}

/** What one sentence asserts, in language-independent terms. */
/** A name with the role title that stands next to it ("chief financial officer Daniel Koh", "Daniel Koh, Tổng giám đốc"). */
export interface TitledName {
  /** Where the name is (an entity mention of the same claim). */
  name: Span;
  /** The title as written. */
  title: Span & { text: string };
  /** The roles the title names (the packs' titleRoles; several when the title is ambiguous). */
  roles: string[];
}

export interface Claim extends Span {
  sentenceId: string;
  quantities: QuantityMention[];
  dates: DateMention[];
  entities: EntityMention[];
  events: EventMarker[];
  attribution?: Attribution;
  modality: ModalityMarker[];
  negations: NegationMarker[];
  /** Inside quotation marks (a direct quote). */
  quoted: boolean;
  /** Check-worthy: specific facts (numbers, dates, names with an event) rather than opinion or framing. */
  checkWorthy: boolean;
  /** Names with a role title next to them. */
  titled?: TitledName[];
}
