import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type RunningCli } from '../cli/support/cli-process.js';

/**
 * No container engine runs on the project's machines, so the Dockerfile and compose.yaml are
 * checked statically: they parse, every file they name exists (or is one of the site files
 * `hik2humand init` writes: .env, hik2humand.yaml, certs/), the image is multi-stage, non-root, with a volume and a health
 * check — and that health check's own command is run against a real admin server.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE_FILES = ['.env', 'hik2humand.yaml', 'certs'];

interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly stage: number;
}

/** Dockerfile instructions with line continuations joined and comments dropped; stage = index of the FROM above. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${current}${line}`.trim());
    current = '';
  }
  let stage = -1;
  return logical.map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage += 1;
    return { keyword: keyword.toUpperCase(), args: rest.join(' '), stage };
  });
}

const dockerfile = parseDockerfile(fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const KNOWN = new Set([
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
]);

describe('Dockerfile', () => {
  it('parses into known instructions, in two named stages', () => {
    expect(dockerfile.filter((i) => !KNOWN.has(i.keyword))).toEqual([]);
    const stages = dockerfile.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+AS\s+/i)[1]);
    expect(stages).toEqual(['build', 'runtime']);
  });

  it('copies only files that exist here (and that .dockerignore does not drop), and from stages it defines', () => {
    const ignored = fs
      .readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim().replace(/\/$/, ''))
      .filter((l) => l !== '' && !l.startsWith('#'));
    for (const copy of dockerfile.filter((i) => i.keyword === 'COPY')) {
      const parts = copy.args.split(/\s+/);
      const from = parts.find((p) => p.startsWith('--from='));
      const sources = parts.filter((p) => !p.startsWith('--')).slice(0, -1);
      if (from) {
        expect(['build']).toContain(from.slice('--from='.length));
        continue;
      }
      for (const source of sources) {
        expect(fs.existsSync(path.join(ROOT, source)), `COPY ${source}`).toBe(true);
        expect(ignored, `${source} is excluded by .dockerignore`).not.toContain(source.replace(/\/$/, ''));
      }
    }
    // The scripts the build runs exist.
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const run of dockerfile.filter((i) => i.keyword === 'RUN')) {
      for (const [, name] of run.args.matchAll(/npm run (\S+)/g)) expect(scripts, `npm run ${name}`).toHaveProperty(name!);
    }
    // Secrets and ledgers never go into the build context.
    for (const secret of ['.env', '*.db', 'data', 'node_modules']) expect(ignored).toContain(secret);
  });

  it('runs the packaged entry point as a non-root user, with the ledger in a volume and a health check on /healthz', () => {
    const runtime = dockerfile.filter((i) => i.stage === 1);
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0']).not.toContain(users.at(-1));
    expect(runtime.find((i) => i.keyword === 'VOLUME')?.args).toContain('/site/data');
    expect(runtime.find((i) => i.keyword === 'ENV')?.args).toMatch(/DATABASE_PATH=\/site\/data\//);
    expect(runtime.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('/healthz');
    const entrypoint = JSON.parse(runtime.find((i) => i.keyword === 'ENTRYPOINT')!.args) as string[];
    expect(entrypoint).toEqual(['node', '/app/bin/hik2humand.js']);
    expect(runtime.some((i) => i.keyword === 'COPY' && i.args.startsWith('bin '))).toBe(true);
    expect(runtime.some((i) => i.keyword === 'COPY' && i.args.includes('/build/dist'))).toBe(true);
  });

  describe('its health check command against a real admin server', () => {
    let demo: RunningCli;
    let port = '';
    let dir = '';
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hik2humand-healthcheck-'));
      demo = startCli(['demo', '--speed', '60'], { cwd: dir, env: { ADMIN_PORT: '0' } });
      const banner = await demo.waitForLine((line) => line.includes('Dashboard    http://'), 20_000);
      port = /127\.0\.0\.1:(\d+)/.exec(banner)?.[1] ?? '';
    }, 30_000);
    afterAll(async () => {
      await demo.stop('SIGTERM', 8_000);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const healthcheck = (adminPort: string): Promise<number | null> => {
      const command = JSON.parse(dockerfile.find((i) => i.keyword === 'HEALTHCHECK')!.args.replace(/^.*?CMD\s+/, '')) as string[];
      expect(command[0]).toBe('node');
      const child = spawn(process.execPath, command.slice(1), { env: { PATH: process.env.PATH, ADMIN_PORT: adminPort }, stdio: 'ignore' });
      return new Promise((resolve) => child.on('close', resolve));
    };

    it('passes while the service answers and fails when nothing listens', async () => {
      expect(await healthcheck(port)).toBe(0);
      expect(await healthcheck('1')).toBe(1);
    });
  });
});

describe('compose.yaml', () => {
  const compose = parseYaml(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<
      string,
      {
        build?: { context: string; dockerfile: string };
        image?: string;
        env_file?: string | string[];
        environment?: Record<string, string>;
        volumes?: string[];
        depends_on?: Record<string, { condition: string }>;
        healthcheck?: unknown;
        ports?: string[];
      }
    >;
    volumes: Record<string, unknown>;
  };

  it('has PostgreSQL and two hik2humand instances on the same ledger, started once PostgreSQL is healthy', () => {
    const instances = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
    expect(instances.map(([name]) => name)).toEqual(['hik2humand-a', 'hik2humand-b']);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
    expect(compose.services.postgres?.healthcheck).toBeDefined();
    const urls = new Set(instances.map(([, s]) => s.environment?.DATABASE_URL));
    expect(urls.size).toBe(1);
    expect([...urls][0]).toMatch(/^postgres:\/\/hik2humand:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/hik2humand$/);
    for (const [, service] of instances) {
      expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
      // Published beyond loopback only with a dashboard password (the server refuses otherwise).
      expect(service.environment?.ADMIN_HOST).toBe('0.0.0.0');
      expect(service.environment?.DASHBOARD_PASSWORD).toMatch(/^\$\{DASHBOARD_PASSWORD:\?/);
    }
    expect(new Set(instances.flatMap(([, s]) => s.ports ?? [])).size).toBe(2);
  });

  it('references only files that exist here or that `hik2humand init` writes, and volumes it declares', () => {
    for (const service of Object.values(compose.services)) {
      if (service.build) {
        expect(fs.existsSync(path.join(ROOT, service.build.context, service.build.dockerfile))).toBe(true);
      }
      for (const file of [service.env_file ?? []].flat()) expect(SITE_FILES).toContain(file);
      for (const volume of service.volumes ?? []) {
        const [source = ''] = volume.split(':');
        if (source.startsWith('.') || source.startsWith('/')) {
          const name = path.normalize(source);
          expect(SITE_FILES.includes(name) || fs.existsSync(path.join(ROOT, name)), volume).toBe(true);
        } else {
          expect(compose.volumes, volume).toHaveProperty(source);
        }
      }
    }
  });
});
