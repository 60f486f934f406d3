/**
 * HAProxy's own check of a configuration file (`haproxy -c -f`), where HAProxy is installed. Our
 * reader (haproxy-cfg.ts) checks only the routing the lab relies on; HAProxy knows every keyword,
 * so a misspelt one (`optoin httpchk`) fails here.
 */
import { spawnSync } from 'node:child_process';

export interface HaproxyCheck {
  /** False when no `haproxy` program is on the PATH: the file was not checked by HAProxy. */
  readonly available: boolean;
  /** `file:line: HAProxy's message (haproxy -c). Fix: …` for each alert. */
  readonly problems: readonly string[];
}

const DOCS = 'https://docs.haproxy.org/2.6/configuration.html';

/**
 * HAProxy's alerts as sentences. An alert names its place as `parsing [<path>:<line>]`; that path
 * becomes `shownAs` (the file as authors know it). Alerts without a place are kept as they are.
 */
export function haproxyAlerts(output: string, path: string, shownAs: string): string[] {
  const alerts = output
    .split('\n')
    .filter((line) => line.includes('[ALERT]'))
    .map((line) => line.replace(/^.*?\[ALERT\]\s*(?:\(\d+\)\s*)?:\s*(?:config\s*:\s*)?/, ''));
  const placed = alerts.flatMap((alert) => {
    const match = /^parsing \[(.+):(\d+)\]\s*:\s*(.*)$/.exec(alert);
    if (!match || match[1] !== path) return [];
    return [`${shownAs}:${match[2]}: ${match[3]} (haproxy -c). Fix: correct that line (${DOCS}).`];
  });
  if (placed.length > 0) return placed;
  // No line to point at (say, an error found after parsing): HAProxy's own words.
  return alerts
    .filter((alert) => !/^Fatal errors found|^Error\(s\) found in configuration file/.test(alert))
    .map((alert) => `${shownAs}: ${alert} (haproxy -c). Fix: see ${DOCS}.`);
}

/** Runs `haproxy -c -f <path>` when HAProxy is installed. */
export function haproxyCheck(path: string, shownAs: string): HaproxyCheck {
  const result = spawnSync('haproxy', ['-c', '-f', path], { encoding: 'utf8', timeout: 15_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT')
    return { available: false, problems: [] };
  if (result.error) {
    return { available: true, problems: [`${shownAs}: haproxy -c could not run (${result.error.message}).`] };
  }
  if (result.status === 0) return { available: true, problems: [] };
  const problems = haproxyAlerts(`${result.stdout}\n${result.stderr}`, path, shownAs);
  return {
    available: true,
    problems:
      problems.length > 0 ? problems : [`${shownAs}: haproxy -c rejected the file:\n${result.stdout}${result.stderr}`],
  };
}
