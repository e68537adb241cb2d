#!/usr/bin/env node
// npm links the bins of dependencies into node_modules/.bin, never the project's own: without this, `npx factlint`
// in a fresh clone would look for a package on the registry. Run by `prepare` (after `npm ci`) in this repository;
// a user who installs the package gets the bin from npm as usual.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const target = resolve(root, 'dist/factlint.js');
const binDir = resolve(root, 'node_modules/.bin');
if (existsSync(target) && existsSync(resolve(root, 'node_modules'))) {
  chmodSync(target, 0o755);
  mkdirSync(binDir, { recursive: true });
  const link = resolve(binDir, 'factlint');
  rmSync(link, { force: true });
  symlinkSync('../../dist/factlint.js', link);
}
