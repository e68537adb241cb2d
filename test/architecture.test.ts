/**
 * Layers import one way (docs/architecture.md): no cycle in src/, no rule kind imports another kind, the pipeline
 * takes only the registry from the rules, rules and reporters do not reach into the pipeline, model/ imports nothing
 * of ours. scripts/check-imports.mjs reads the imports with the TypeScript pre-processor.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without declarations
import { edges, violations } from '../scripts/check-imports.mjs';

const check = violations as (list?: [string, string][]) => string[];

describe('import graph of src/', () => {
  it('has no cycle and no import across the layers', () => {
    expect(check()).toEqual([]);
  });

  it('reads real imports (the graph is not empty, and the pipeline does run the registry)', () => {
    const list = (edges as () => [string, string][])();
    expect(list.length).toBeGreaterThan(100);
    expect(list).toContainEqual(['pipeline/evaluate.ts', 'rules/registry.ts']);
  });

  it.each<[string, [string, string][], RegExp]>([
    ['a kind importing a kind', [['rules/kinds/a.ts', 'rules/kinds/b.ts']], /a rule kind imports another kind/],
    ['the pipeline importing a kind', [['pipeline/evaluate.ts', 'rules/kinds/b.ts']], /pipeline\/ may import only/],
    ['the pipeline importing the rule loader', [['pipeline/run.ts', 'rules/load.ts']], /pipeline\/ may import only/],
    ['a rule reaching into the pipeline', [['rules/kinds/a.ts', 'pipeline/extract/agree.ts']], /rules\/kinds\/ may import only/],
    ['a reporter reaching into the pipeline', [['report/html.ts', 'pipeline/align.ts']], /report\/ may import only/],
    ['the model importing a pack', [['model/claim.ts', 'lang/load.ts']], /model\/ may import only paths.ts/],
    ['a cycle', [['lang/a.ts', 'lang/b.ts'], ['lang/b.ts', 'lang/a.ts']], /^cycle: lang\/a\.ts -> lang\/b\.ts -> lang\/a\.ts$/],
  ])('catches %s', (_name, list, message) => {
    const found = check(list);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });
});
