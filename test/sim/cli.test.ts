import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callArtemis } from './support/artemis-call.js';

const repoRoot = new URL('../../', import.meta.url).pathname;

describe('HikCentral simulator CLI', () => {
  let child: ChildProcess | undefined;
  let dir = '';
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts with a generated day, prints its URL and CA path, serves signed requests, and stops on SIGTERM', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hik-sim-cli-'));
    const caPath = join(dir, 'ca.pem');
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/sim/hikcentral/cli.ts',
        '--port',
        '0',
        '--app-key',
        'CLI12345',
        '--generate-employees',
        '7',
        '--seed',
        '5',
        '--ca-out',
        caPath,
        '--log-level',
        'warn',
      ],
      { cwd: repoRoot, env: { ...process.env, HIK_SIM_APP_SECRET: 'cli-secret-xyz' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const deadline = Date.now() + 30_000;
    while (!/Ctrl-C to stop/.test(output) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(output).toMatch(/Ctrl-C to stop/);
    const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
    expect(output).toContain(`CA certificate: ${caPath}`);
    expect(output).not.toContain('cli-secret-xyz');

    const caPem = await readFile(caPath, 'utf8');
    const answer = await callArtemis(
      { baseUrl: url, caPem },
      '/artemis/api/resource/v1/person/personList',
      { pageNo: 1, pageSize: 100 },
      { appKey: 'CLI12345', appSecret: 'cli-secret-xyz' },
    );
    expect(answer.json()).toMatchObject({ code: '0', data: { total: 7 } });

    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
