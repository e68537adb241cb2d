// The text files a measurement or comparison script reads, in a stable order: the named corpus folders (default
// /tmp/big50, a 50-document synthetic corpus generated on first use), plus with `extra` the seeds, the dev stories
// and the NTREX articles. Shared by scripts/perf-extract.mjs and test/pipeline/extract/equivalence.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT = '/tmp/big50';

/** `o.corpus`: folders (default /tmp/big50); `o.extra`: also the project's own stories and the shared eval data. */
export function corpusFiles(o) {
  const files = [];
  for (const d of o.corpus.length ? o.corpus : [DEFAULT]) {
    if (!existsSync(d)) {
      if (d !== DEFAULT) throw new Error(`no corpus folder ${d}`);
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-corpus.mjs'), '--docs', '50', '--out', d], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error('gen-corpus failed');
    }
    for (const f of readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(join(d, f));
  }
  if (o.extra) {
    const add = (dir, depth) => {
      if (!existsSync(dir)) return;
      for (const f of readdirSync(dir).sort()) {
        const p = join(dir, f);
        if (depth > 0 && statSync(p).isDirectory()) add(p, depth - 1);
        else if (depth === 0 && f.endsWith('.txt')) files.push(p);
      }
    };
    add(join(ROOT, 'seeds'), 0);
    add(join(ROOT, '..', 'shared', 'eval', 'dev'), 1);
    add(join(ROOT, '..', 'shared', 'eval', 'external', 'ntrex-dev'), 1);
  }
  return files;
}
