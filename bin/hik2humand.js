#!/usr/bin/env node
// The installed package runs the compiled JavaScript in dist/. A source checkout (src/ beside
// this file, tsx installed as a development tool) runs the TypeScript directly, so that a
// fresh clone needs no build step and a stale dist/ can never shadow edited sources.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const source = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return null;
  }
}

const tsx = existsSync(source) ? await loadTsx() : null;
if (tsx !== null) {
  tsx.register();
  await import(source.href);
} else if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  process.stderr.write('hik2humand: no compiled code in dist/ and no tsx to run the sources; run `npm ci` (or `npm run build`).\n');
  process.exitCode = 1;
}
