import { problem, type Problem } from './problem.ts';

/**
 * A deliberately tiny reader for haproxy.cfg, the only one: enough to check that
 * the lab's file routes writes by Patroni's /primary (or /leader) health check and
 * reads by /replica, and for the simulator to read the write port's health checks.
 * HAProxy itself remains the real judge (`haproxy -c -f`), which the cluster
 * harness runs.
 * Format: https://docs.haproxy.org/2.6/configuration.html (section 2 and 4).
 */

export interface HaproxyDirective {
  readonly keyword: string;
  readonly args: readonly string[];
  /** 1-based line number in the file. */
  readonly line: number;
}

export interface HaproxySection {
  /** `global`, `defaults`, `listen`, `frontend` or `backend`. */
  readonly kind: string;
  /** The proxy name (`listen primary` → `primary`); empty for global/defaults. */
  readonly name: string;
  readonly line: number;
  readonly directives: readonly HaproxyDirective[];
}

const SECTION_KINDS = new Set([
  'global',
  'defaults',
  'listen',
  'frontend',
  'backend',
  'resolvers',
  'peers',
  'userlist',
]);

/** Splits the file into sections of whitespace-separated directives; `#` starts a comment. */
export function parseHaproxyCfg(text: string): HaproxySection[] {
  const sections: { kind: string; name: string; line: number; directives: HaproxyDirective[] }[] = [];
  text.split('\n').forEach((raw, index) => {
    const words = (raw.split('#')[0] ?? '').trim().split(/\s+/).filter(Boolean);
    const [keyword, ...args] = words;
    if (keyword === undefined) return;
    const line = index + 1;
    // Section keywords start a section only at the left margin; indented
    // lines are directives of the current section.
    if (SECTION_KINDS.has(keyword) && !/^\s/.test(raw)) {
      sections.push({ kind: keyword, name: args[0] ?? '', line, directives: [] });
    } else {
      sections.at(-1)?.directives.push({ keyword, args, line });
    }
  });
  return sections;
}

/** HAProxy time values: a number of milliseconds, or with a unit (us, ms, s, m, h, d). */
export function haproxyTimeMs(raw: string): number {
  const match = /^(\d+(?:\.\d+)?)(us|ms|s|m|h|d)?$/.exec(raw.trim());
  if (!match) throw new Error(`"${raw}" is not an HAProxy time (such as 2000, 500ms or 1s).`);
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms'] ?? 1;
  return Number(match[1]) * factor;
}

/**
 * The health-check path of a proxy: from `http-check send ... uri PATH`
 * (HAProxy 2.2+) or the older `option httpchk [METHOD] PATH`.
 */
export function healthCheckPath(section: HaproxySection): string | undefined {
  for (const d of section.directives) {
    if (d.keyword === 'http-check' && d.args[0] === 'send') {
      const uriAt = d.args.indexOf('uri');
      if (uriAt >= 0) return d.args[uriAt + 1];
    }
  }
  const httpchk = section.directives.find((d) => d.keyword === 'option' && d.args[0] === 'httpchk');
  return httpchk?.args.find((a) => a.startsWith('/'));
}

export interface HaproxyServer {
  readonly name: string;
  readonly address: string;
  readonly checked: boolean;
  readonly checkPort: number | undefined;
  readonly line: number;
}

export function servers(section: HaproxySection): HaproxyServer[] {
  return section.directives
    .filter((d) => d.keyword === 'server')
    .map((d) => {
      const portAt = d.args.indexOf('port');
      return {
        name: d.args[0] ?? '',
        address: d.args[1] ?? '',
        checked: d.args.includes('check'),
        checkPort: portAt >= 0 ? Number(d.args[portAt + 1]) : undefined,
        line: d.line,
      };
    });
}

/** The first `bind` address of a proxy. */
export function bindAddress(section: HaproxySection): string | undefined {
  return section.directives.find((d) => d.keyword === 'bind')?.args[0];
}

const PRIMARY_PATHS = ['/primary', '/leader', '/read-write', '/'];
const HAPROXY_DOCS = 'https://patroni.readthedocs.io/en/latest/rest_api.html';

/**
 * The routing rules the lab relies on: one proxy whose health check asks
 * Patroni for the primary (/primary or /leader) and one that asks for
 * replicas (/replica), each server checked on Patroni's REST API port.
 */
export function checkHaproxyRouting(file: string, text: string): Problem[] {
  const proxies = parseHaproxyCfg(text).filter((s) => s.kind === 'listen' || s.kind === 'backend');
  const problems: Problem[] = [];
  const writeProxy = proxies.find((p) => PRIMARY_PATHS.includes(healthCheckPath(p) ?? ''));
  const readProxy = proxies.find((p) => (healthCheckPath(p) ?? '').startsWith('/replica'));
  if (!writeProxy) {
    problems.push(
      problem(
        file,
        '(file)',
        'haproxy-write-route',
        `no listen or backend section checks Patroni's /primary or /leader endpoint, so HAProxy cannot tell which node takes writes (${HAPROXY_DOCS}). Fix: add "option httpchk" and "http-check send meth GET uri /primary" to the write proxy.`,
      ),
    );
  }
  if (!readProxy) {
    problems.push(
      problem(
        file,
        '(file)',
        'haproxy-read-route',
        `no listen or backend section checks Patroni's /replica endpoint, so reads cannot be routed to replicas (${HAPROXY_DOCS}). Fix: add a proxy with "http-check send meth GET uri /replica".`,
      ),
    );
  }
  for (const proxy of [writeProxy, readProxy]) {
    if (!proxy) continue;
    const list = servers(proxy);
    if (list.length === 0) {
      problems.push(
        problem(
          file,
          `listen ${proxy.name}`,
          'haproxy-servers',
          `has no server lines. Fix: add one "server" line per Patroni node.`,
        ),
      );
    }
    for (const server of list) {
      if (!server.checked || server.checkPort === undefined) {
        problems.push(
          problem(
            file,
            `listen ${proxy.name} (line ${server.line})`,
            'haproxy-check-port',
            `server ${server.name} is not health-checked on Patroni's REST API port. Fix: end the line with "check port 8008".`,
          ),
        );
      }
    }
  }
  return problems;
}
