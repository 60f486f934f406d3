/**
 * Validates one Sentinel file: syntax, directives, schema, and the rules that need only this file.
 * The rules across files (quorum against the number of Sentinels, the monitored address against
 * the primary's file, passwords) are in check-groups.ts.
 */
import { problem, type Problem } from '../problem.ts';
import { readConfLines } from './conf-lines.ts';
import { directiveKey, readConf, where, type ReadConf } from './read-conf.ts';
import { SENTINEL_DIRECTIVES, SENTINEL_STATE_LINES, sentinelSchema, type SentinelConfig } from './sentinel-schema.ts';

export const SENTINEL_DOCS = 'https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/';
export const SENTINEL_CONF_DOCS = 'https://github.com/redis/redis/blob/7.0/sentinel.conf';

const PER_PRIMARY = [
  'sentinel auth-pass',
  'sentinel auth-user',
  'sentinel down-after-milliseconds',
  'sentinel failover-timeout',
  'sentinel parallel-syncs',
] as const;

export function validateSentinel(file: string, text: string): ReadConf<SentinelConfig> {
  const state = new Set<string>(SENTINEL_STATE_LINES.map((s) => `sentinel ${s}`));
  // Sentinel's state lines are reported on their own, not as unknown directives.
  const stateLines = readConfLines(file, text)
    .directives.map((d) => ({ ...d, key: directiveKey(d) }))
    .filter((d) => state.has(d.key));
  const kept = text
    .split('\n')
    .map((line, i) => (stateLines.some((d) => d.line === i + 1) ? '' : line))
    .join('\n');
  const read = readConf(file, kept, SENTINEL_DIRECTIVES, sentinelSchema, SENTINEL_CONF_DOCS);
  const problems: Problem[] = stateLines.map((d) =>
    problem(
      file,
      `${d.key} (line ${d.line})`,
      'sentinel-state-line',
      `is state that Sentinel writes into its own file as it runs, not a setting. Copied into another Sentinel's file it makes two Sentinels share one identity or history (with one myid the others drop all but one as duplicates). Fix: remove it, and start each Sentinel from a file without such lines.`,
    ),
  );
  const config = read.config;
  if (!config) return { ...read, problems: [...problems, ...read.problems] };

  const name = config['sentinel monitor'].name;
  for (const key of PER_PRIMARY) {
    const option = config[key];
    if (option && option.name !== name) {
      problems.push(
        problem(
          file,
          where(key, read.lines),
          'unknown-primary-name',
          `names the primary "${option.name}", but this Sentinel monitors "${name}"; Sentinel refuses the file ("No such master with specified name."). Fix: write ${key} ${name} ...`,
        ),
      );
    }
  }
  const own = config.bind;
  const announced = config['sentinel announce-ip'];
  if (announced !== undefined && !own.includes(announced)) {
    problems.push(
      problem(
        file,
        where('sentinel announce-ip', read.lines),
        'announce-own-address',
        `is ${announced}, but this Sentinel listens on ${own.join(' ')}: the other Sentinels would look for it where it does not listen. Fix: use its own address, ${own[0] ?? ''}.`,
      ),
    );
  }
  if (announced === undefined && own.every((a) => a !== '127.0.0.1' && a !== '0.0.0.0')) {
    problems.push(
      problem(
        file,
        where('bind', read.lines),
        'sentinel-announce',
        `this Sentinel listens on ${own.join(' ')} but has no "sentinel announce-ip". It then announces, in its hello messages, the local address of its connection to the primary (127.0.0.1 on a machine with several loopback addresses, the inner address behind NAT); the other Sentinels cannot reach it there, the primary can be seen down (+sdown) but never agreed down (+odown), and no failover happens. Fix: add "sentinel announce-ip ${own[0] ?? ''}" (${SENTINEL_DOCS}#sentinel-docker-nat-and-possible-issues).`,
      ),
    );
  }
  return problems.length > 0 ? { ...read, config: undefined, problems } : read;
}
