import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inquirerPrompter } from '../../src/cli/init/prompter.js';

/** The terminal side of init: @inquirer/prompts reading keystrokes from a stream, as from a person. */
function terminal() {
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
  return { prompter: inquirerPrompter({ input, output }), type, screen: () => screen };
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
});
