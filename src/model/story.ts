/** Sources the cluster stage judged to be versions of one story, or reports of one event. */
export interface Story {
  id: string;
  sources: string[];
  /** "versions": translations or rewrites of one article; "coverage": independent reports of one event. */
  relation: 'versions' | 'coverage' | 'single';
  /** Other stories that share anchors but are not the same story. */
  related: string[];
  /** The source the others derive from, when known (pairs mode: the left field; a manifest). */
  original?: string;
}
