import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/domain/error-table.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('the table of error codes', () => {
  const src = path.resolve(import.meta.dirname, '../../src');
  const code = sources(src)
    .filter((file) => !file.endsWith(path.join('domain', 'error-table.ts')))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('names only codes the product raises (no entry left behind after a code is gone)', () => {
    const unused = Object.keys(ERROR_CODES).filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
