/**
 * Real web servers for e2e/hosting.spec.ts: nginx, Apache, Caddy, Python's http.server and
 * `serve`, each started as an ordinary process (never a system service) on a loopback port, with a
 * configuration built around the very recipe HOSTING.md prints (src/postbuild/hosting-recipes.ts),
 * and stopped by its PID.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  apacheRecipe,
  caddyRecipe,
  NGINX_MANIFEST_TYPE,
  nginxRecipe,
  serveJson,
  type Mount,
} from '../../src/postbuild/hosting-recipes.ts';

export type ServerKind = 'nginx' | 'apache' | 'caddy' | 'python' | 'serve';

/** The command each server needs, to say what to install when it is missing. */
const BINARIES: Record<ServerKind, string> = {
  nginx: '/usr/sbin/nginx',
  apache: '/usr/sbin/apache2',
  caddy: '/usr/bin/caddy',
  python: 'python3',
  serve: 'node_modules/.bin/serve',
};

const APACHE_MODULES = '/usr/lib/apache2/modules';

/** Why `kind` cannot run here, or undefined when it can. */
export function missingServer(kind: ServerKind): string | undefined {
  const binary = BINARIES[kind];
  if (binary.includes('/') ? existsSync(binary) : onPath(binary)) return undefined;
  const hint =
    kind === 'serve'
      ? 'run npm ci'
      : 'run npm run test:e2e as root on Debian, which installs it, or install it yourself';
  return `${kind} is not installed (${binary}): ${hint}.`;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The version the server reports of itself, for HOSTING.md. */
export function serverVersion(kind: ServerKind): string {
  const output = (command: string, args: string[]): string =>
    execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  switch (kind) {
    case 'nginx':
      // nginx prints its version on stderr.
      return execFileSync('sh', ['-c', `${BINARIES.nginx} -v 2>&1`], { encoding: 'utf8' })
        .trim()
        .replace(/^nginx version: /, '');
    case 'apache':
      return /Server version: (\S+)/.exec(output(BINARIES.apache, ['-v']))?.[1] ?? 'Apache';
    case 'caddy':
      return `Caddy ${output(BINARIES.caddy, ['version']).split(' ')[0] ?? ''}`;
    case 'python':
      return output('python3', ['--version']);
    case 'serve':
      return `serve ${(JSON.parse(execFileSync('cat', ['node_modules/serve/package.json'], { encoding: 'utf8' })) as { version: string }).version}`;
  }
}

/** A port nobody listens on right now (the OS chooses; a server then takes it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No port from the OS.');
  return address.port;
}

/** A server this test started. */
export interface RunningServer {
  kind: ServerKind;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
}

/** The configuration file and command line for one server serving one mount. */
async function prepare(
  kind: ServerKind,
  mount: Mount,
  work: string,
  port: number,
): Promise<{ command: string; args: string[]; cwd?: string }> {
  const listen = `127.0.0.1:${port}`;
  switch (kind) {
    case 'nginx': {
      await mkdir(join(work, 'tmp'), { recursive: true });
      const config = [
        `pid ${work}/nginx.pid;`,
        `error_log ${work}/error.log;`,
        'events {}',
        'http {',
        '    include /etc/nginx/mime.types;',
        `    ${NGINX_MANIFEST_TYPE}`,
        '    access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${name}_temp_path ${work}/tmp;`),
        '    server {',
        `        listen ${listen};`,
        ...nginxRecipe(mount)
          .split('\n')
          .map((line) => `        ${line}`),
        '    }',
        '}',
      ].join('\n');
      await writeFile(join(work, 'nginx.conf'), config);
      return { command: BINARIES.nginx, args: ['-c', join(work, 'nginx.conf'), '-g', 'daemon off;'] };
    }
    case 'apache': {
      const modules = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers'];
      const config = [
        `ServerRoot ${work}`,
        `Listen ${listen}`,
        `ServerName 127.0.0.1`,
        `PidFile ${work}/apache.pid`,
        `ErrorLog ${work}/error.log`,
        ...modules.map((name) => `LoadModule ${name}_module ${APACHE_MODULES}/mod_${name}.so`),
        // Debian's build refuses to serve as root: the workers run as www-data.
        'User www-data',
        'Group www-data',
        'TypesConfig /etc/mime.types',
        apacheRecipe(mount),
      ].join('\n');
      await writeFile(join(work, 'apache.conf'), config);
      return { command: BINARIES.apache, args: ['-f', join(work, 'apache.conf'), '-DFOREGROUND'] };
    }
    case 'caddy': {
      const config = [
        // No admin endpoint (it would take a fixed port) and no certificates for a loopback address.
        '{',
        '    admin off',
        '    auto_https off',
        `    storage file_system ${work}/caddy-data`,
        '}',
        `http://${listen} {`,
        ...caddyRecipe(mount)
          .split('\n')
          .map((line) => `    ${line}`),
        '}',
      ].join('\n');
      await writeFile(join(work, 'Caddyfile'), config);
      return { command: BINARIES.caddy, args: ['run', '--config', join(work, 'Caddyfile'), '--adapter', 'caddyfile'] };
    }
    case 'python':
      return {
        command: 'python3',
        args: ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', mount.webRoot],
      };
    case 'serve': {
      // serve reads serve.json in the folder it serves; the bundle's own is for a build at `/`.
      if (mount.path !== '/') await writeFile(join(mount.webRoot, 'serve.json'), serveJson(mount.policy, mount.path));
      return {
        command: BINARIES.serve,
        args: ['--no-clipboard', '--no-port-switching', '--listen', `tcp://${listen}`, mount.webRoot],
      };
    }
  }
}

/** Waits until `origin` answers HTTP at all (any status), or the process dies, or 20 s pass. */
async function waitUntilUp(origin: string, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}): ${await log()}`);
    try {
      await fetch(origin, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`The server at ${origin} did not answer within 20 s: ${await log()}`);
}

/** Starts `kind` serving `mount`, with its files under `work` (a folder the test owns). */
export async function startHostingServer(kind: ServerKind, mount: Mount, work: string): Promise<RunningServer> {
  await mkdir(work, { recursive: true });
  // nginx's and Apache's workers run as unprivileged users: they must be able to read the files.
  for (const folder of [work, mount.webRoot]) await chmod(folder, 0o755);
  const port = await freePort();
  const { command, args } = await prepare(kind, mount, work, port);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: work } });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = async (): Promise<string> => {
    const errorLog = join(work, 'error.log');
    return `${output}${existsSync(errorLog) ? await readFile(errorLog, 'utf8') : ''}`.slice(-2000);
  };
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(origin, child, log);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    kind,
    origin,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // nginx and Apache stop gracefully on SIGTERM and take their workers with them.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
