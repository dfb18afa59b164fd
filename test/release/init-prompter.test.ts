import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { INIT_ES } from '../../src/cli/init/init-words-es.js';
import { inquirerPrompter } from '../../src/cli/init/prompter.js';

/** The terminal side of init: @inquirer/prompts reading keystrokes from a stream, as from a person. */
function terminal(words = undefined as typeof INIT_ES | undefined) {
  const input = new PassThrough();
  const output = new PassThrough();
  let screen = '';
  output.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const type = async (keys: string) => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    input.write(keys);
  };
  return { prompter: inquirerPrompter({ input, output }, words), type, screen: () => screen };
}

describe('init prompts at a terminal', () => {
  it('reads typed text (re-asking on an invalid value), a hidden secret, a confirmation and a choice', async () => {
    const t = terminal();
    const zone = t.prompter.text('Site time zone', { default: 'UTC', validate: (v) => (v.includes('/') ? true : 'an IANA name') });
    await t.type('Mars\r');
    await t.type('\u007f\u007f\u007f\u007fEurope/Madrid\r');
    expect(await zone).toBe('Europe/Madrid');
    expect(t.screen()).toContain('an IANA name');

    const secret = t.prompter.secret('HikCentral partner secret');
    await t.type('s3cret\r');
    expect(await secret).toBe('s3cret');
    expect(t.screen()).not.toContain('s3cret');

    const trust = t.prompter.confirm('Trust this certificate?', false);
    await t.type('y\r');
    expect(await trust).toBe(true);

    const choice = t.prompter.choose(
      'Is it a time clock?',
      [
        { name: 'no', value: 'none' },
        { name: 'clock-in', value: 'in' },
        { name: 'clock-out', value: 'out' },
      ],
      'in',
    );
    await t.type('\u001b[B\r');
    expect(await choice).toBe('out');
  });

  it('in Spanish, a yes/no question is a Sí / No list (typing "s" for sí cannot fall to the default), with Spanish key help', async () => {
    const t = terminal(INIT_ES);
    const trust = t.prompter.confirm('¿Confiar en este certificado?', false);
    await t.type('\u001b[A\r');
    expect(await trust).toBe(true);
    expect(t.screen()).toContain('Sí');
    expect(t.screen()).toContain('moverse');
    expect(t.screen()).not.toMatch(/y\/N|navigate/);

    const keep = t.prompter.confirm('¿Reemplazar?', false);
    await t.type('\r');
    expect(await keep).toBe(false);

    // Each prompt gets its own terminal here: inquirer ends the output stream with the first prompt.
    const fresh = terminal(INIT_ES);
    const secret = fresh.prompter.secret('Secreto');
    await fresh.type('\r');
    await fresh.type('s3cret\r');
    expect(fresh.screen()).toContain('obligatorio');
    expect(await secret).toBe('s3cret');
  });
});
