// `npm run build`: compiles src/ to dist/ and copies the files the compiled code reads at run
// time (the dashboard: plain HTML/JS/CSS beside src/ops/dashboard-assets.ts). Starts from an
// empty dist/ so a deleted source file cannot survive as a stale .js.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
rmSync(new URL('dist/', root), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
cpSync(new URL('src/ops/dashboard/', root), new URL('dist/ops/dashboard/', root), { recursive: true });
