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
  /** Right after a conjunction of time order ("before joining", "trước khi bắt đầu"): another event of the sequence. */
  subordinate?: boolean;
}

export interface ModalityMarker extends Span {
  /**
   * "possible" (could, may), "expected" (expected to, plans), "future" (will), "conditional" (would outside reported
   * speech, würde, бы), "impossible" (cannot), "ability" (can), "notion" (a word naming a possibility or a chance:
   * possible, potential, шанс, khả năng), "necessity" (must, have to, phải, нужно, muss). A sentence with none asserts.
   */
  level: 'possible' | 'expected' | 'future' | 'conditional' | 'impossible' | 'ability' | 'notion' | 'necessity';
  text: string;
  /**
   * A firm future reported by a verb of warning or fear ("warned they will"): read as an expectation, since
   * translators render it as a possibility; a word of the same language is still the word it replaced.
   */
  foreseen?: boolean;
  /**
   * A possibility word that also says what someone can or may do (có thể, может, could, may), before a verb of
   * something someone does: it may render an ability or a permission the other version states without a modal.
   */
  alsoAbility?: boolean;
  /** Followed by a perfect ("may have caused", "could have won"): a possibility of the past, or one that did not happen. */
  perfect?: boolean;
  /** Right after a disjunction ("definitely or probably", "chắc chắn hoặc có thể"): an alternative offered, not a hedge added. */
  alternative?: boolean;
}

export interface NegationMarker extends Span {
  text: string;
  /**
   * A negative word that agrees with a negator of its clause and adds no negation of its own (the "никто" of
   * "никто не пришёл", the "jamais" of "ne … jamais"): not counted when negations are counted.
   */
  concord?: boolean;
  /**
   * The negator negates a word or phrase, not the clause's predicate ("not long after", "không phù hợp", "не
   * приближаться"): the packs' negationScope says which. It accounts for a negation on the other side but does not
   * count as one.
   */
  constituent?: boolean;
  /**
   * A negative pronoun, determiner or quantifier ("nothing", "niemand", "không ai", a lone "никто"): how translators
   * paraphrase a negation ("there wasn't much reason" / "wenig Grund"), so it accounts for a negation on the other
   * side but is not compared as one.
   */
  indefinite?: boolean;
  /** A negator of a word that negates by meaning right after it ("не переставала", "did not fail to"). */
  double?: boolean;
  /** A word that negates by meaning, negated by the negator at offset `by` ("не переставала", "did not fail to"). */
  cancelled?: boolean;
  by?: number;
  /**
   * Where the negation stands in the sentence when that is not where its negator is: a clause-final German "nicht"
   * negates the verb near the start of its clause ("Die Firma unterschrieb den Vertrag nicht").
   */
  at?: number;
  /**
   * A negation translators routinely render without a negator, so it accounts for one on the other side but is not
   * compared as one (and is marked `constituent` too): a cessative ("no longer", "không còn"), an elliptical negation
   * with its verb left out ("the advice they don't"), an expletive negator that negates nothing (Russian "пока мы не
   * увидим", until we see), the negated auxiliary of a question asking for agreement ("isn't that wonderful").
   */
  loose?: 'cessative' | 'ellipsis' | 'expletive' | 'question';
  /** The negation is followed in its sentence by an exceptive ("won't … unless"): a restrictive ("nur wenn") renders it. */
  exceptive?: boolean;
  /**
   * A restrictive under a negator, which makes it additive ("not only", "nicht nur", "không chỉ", "не только"): the
   * marker spans the phrase. Against a bare restrictive ("only", "nur") it is a change of polarity.
   */
  negated?: boolean;
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
  /** Words that negate by meaning (lack, refuse, fail to, impossible, không thể thiếu…): see the packs' lexicalNegators. */
  lexicalNegations?: NegationMarker[];
  /**
   * Restrictives ("only", "nur", "chỉ", "только"): what renders a negation followed by an exceptive ("not … unless");
   * a negated one ("not only") is marked `negated` and spans its phrase.
   */
  restrictives?: NegationMarker[];
  /** Negators inside a phrase that does not negate ("couldn't help but", "not only"): a literal translation may keep them. */
  idiomNegations?: NegationMarker[];
  /** Inside quotation marks (a direct quote). */
  quoted: boolean;
  /** Check-worthy: specific facts (numbers, dates, names with an event) rather than opinion or framing. */
  checkWorthy: boolean;
  /** Names with a role title next to them. */
  titled?: TitledName[];
}
