/**
 * The measured fault scenarios, as `npm run test:faults` writes them to bench-results/faults.json
 * (scripts/cluster/faults/run-inside.ts), and the words the pages show for them. The pages never
 * type a measured number: they read it from that file at build time, and a file that does not match
 * this schema fails the build with the file, the field and how to fix it.
 */
import { z } from 'zod';

const seconds = z.number().nullable();

/** One claim the site makes, as the harness checked it (scripts/cluster/faults/claims.ts). */
export const ClaimSchema = z.object({
  /** A stable id, e.g. "self-fencing". */
  id: z.string(),
  /** The claim in one sentence, as the site makes it. */
  statement: z.string(),
  /** The page that makes it, e.g. "/articles/failover-and-split-brain/". */
  page: z.string(),
  /** The heading on that page. */
  anchor: z.string(),
});

/** A phase of a scenario, with the commits acknowledged in it. */
export const PhaseSchema = z.object({
  /** What the link was like, e.g. "throttled to 256 kbit/s". */
  name: z.string(),
  /** Seconds after the fault. */
  from: z.number(),
  to: z.number(),
  /** Commits acknowledged in the phase, and per second. */
  acknowledged: z.number(),
  perSecond: z.number(),
  /** Commit latency the client saw, in milliseconds (null: no commit in the phase). */
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
});

/** One scenario's outcome. Times are seconds after the fault; null when it did not happen. */
export const ScenarioSchema = z.object({
  /** Stable id, also the table row's anchor: #fault-<id>. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What was done, for a heading cell. */
  title: z.string(),
  /** partition, pause, etcd or sync: which table shows it. */
  group: z.enum(['partition', 'pause', 'etcd', 'sync']),
  /** Patroni's synchronous_mode and failsafe_mode during the scenario. */
  synchronousMode: z.boolean(),
  failsafeMode: z.boolean(),
  /** The fault, in words, as the harness injected it. */
  fault: z.string(),
  /** No error, and every gating claim held. */
  passed: z.boolean(),
  error: z.string().nullable(),
  /** What the scenario cost, in seconds of wall time. */
  seconds: z.number(),
  /** The primary when the fault began. */
  oldPrimary: z.string(),
  facts: z.object({
    /** The old primary's PostgreSQL stopped taking writes (from its log). */
    oldPrimaryStoppedWritesAt: seconds,
    /** The old primary first answered with a role other than primary (polled). */
    oldPrimaryDemotedAt: seconds,
    /** The node that became primary, and when its PostgreSQL accepted writes (from its log). */
    newPrimary: z.string().nullable(),
    newPrimaryWritableAt: seconds,
    /** The first poll that found the old leader key gone; the first that found another holder. */
    leaderKeyGoneAt: seconds,
    leaderKeyMovedAt: seconds,
    /** Another node's Patroni took the leader lock (from its log). */
    lockAcquiredAt: seconds,
    /** The first write another node acknowledged, as the client saw it. */
    firstWriteElsewhereAt: seconds,
    /** The fault was undone: the network healed, the node resumed. */
    endedAt: seconds,
    /** The synchronous standby before the fault, and when Patroni named another. */
    syncStandbyBefore: z.string().nullable(),
    syncStandbyMovedAt: seconds,
    /** etcd's Raft leader when the fault began. */
    etcdLeader: z.string(),
    /** How long two PostgreSQL servers accepted writes at once. */
    writableOverlapSeconds: z.number(),
  }),
  history: z.object({
    /** Writes the client sent, got acknowledged, saw refused, or never heard back about. */
    attempted: z.number(),
    acknowledged: z.number(),
    failed: z.number(),
    unknown: z.number(),
    /** Acknowledged writes missing from the surviving primary. */
    lost: z.number(),
    /** Pairs of primaries that both acknowledged writes in overlapping time. */
    splitBrain: z.array(
      z.object({ a: z.string(), b: z.string(), from: z.number(), to: z.number(), writes: z.number() }),
    ),
    /** The longest stretch with no acknowledged write. */
    longestGap: z.object({ from: z.number(), to: z.number(), seconds: z.number() }).nullable(),
  }),
  phases: z.array(PhaseSchema),
  /** What the harness saw, in order, seconds after the fault. */
  transcript: z.array(z.string()),
  /**
   * Each claim the scenario checked: held (ok) or broken, with the measured detail. A gating claim
   * that broke failed the run; a non-gating one is an observed outcome that depends on a race the
   * harness does not control (the paused primary's resume), recorded but never failing the run.
   */
  claims: z.array(z.object({ id: z.string(), ok: z.boolean(), detail: z.string(), gating: z.boolean() })),
  /**
   * What the harness had to repair before the cluster was whole again, because Patroni did not get
   * there by itself (scripts/cluster/faults/repair.ts): when (seconds after the fault), the command,
   * and what was wrong.
   */
  repairs: z.array(z.object({ t: z.number(), action: z.string(), why: z.string() })),
});

export const FaultResultsSchema = z.object({
  /** When the run finished, ISO 8601. */
  measuredAt: z.string(),
  /** Every scenario ran and passed. */
  passed: z.boolean(),
  /** Wall time of the whole run, and of booting the cluster, in seconds. */
  totalSeconds: z.number(),
  bootSeconds: z.number(),
  /** Versions of etcd, Patroni, PostgreSQL and HAProxy that ran. */
  versions: z.record(z.string(), z.string()),
  /** Patroni's timers during the run, from the lab's files. */
  timing: z.object({ ttl: z.number(), loop_wait: z.number(), retry_timeout: z.number() }),
  claims: z.array(ClaimSchema),
  scenarios: z.array(ScenarioSchema),
});

export type FaultResults = z.infer<typeof FaultResultsSchema>;
export type FaultScenario = z.infer<typeof ScenarioSchema>;
export type FaultGroup = FaultScenario['group'];

export class FaultResultsError extends Error {}

/** Parses the results file's text; a problem names the file, the field and the fix. */
export function parseFaultResults(text: string, file: string): FaultResults {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FaultResultsError(
      `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}). Run \`npm run test:faults\` to write it again.`,
    );
  }
  const result = FaultResultsSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(top level)';
    throw new FaultResultsError(
      `${file}: ${where}: ${issue?.message ?? 'invalid'}. The pages read this file as npm run test:faults writes it; run \`npm run test:faults\` to write it again.`,
    );
  }
  return result.data;
}

/** The anchor of a scenario's row in a table. */
export const scenarioAnchor = (id: string): string => `fault-${id}`;

const s = (value: number | null): string => (value === null ? '?' : `${value.toFixed(1)} s`);

/**
 * "What happened", in one or two sentences, from the scenario's measured facts, and what the harness
 * had to repair afterwards, if anything.
 */
export function summarize(scenario: FaultScenario): string {
  const repairs = repairSentence(scenario);
  return repairs ? `${outcome(scenario)} ${repairs}` : outcome(scenario);
}

/**
 * What the harness repaired because Patroni did not make the cluster whole by itself, in one
 * sentence, or '' when nothing was.
 */
export function repairSentence(scenario: FaultScenario): string {
  if (scenario.repairs.length === 0) return '';
  const each = scenario.repairs.map((r) => `at ${s(r.t)} it ran ${r.action}, because ${r.why}`);
  return `Afterwards the harness had to step in: ${each.join('; ')}.`;
}

function outcome(scenario: FaultScenario): string {
  const f = scenario.facts;
  const old = scenario.oldPrimary;
  const stopped = f.oldPrimaryStoppedWritesAt ?? f.oldPrimaryDemotedAt;
  const took =
    f.newPrimary && f.newPrimaryWritableAt !== null
      ? `${f.newPrimary} accepted writes from ${s(f.newPrimaryWritableAt)}`
      : 'no other node became primary';
  switch (scenario.group) {
    case 'partition':
      if (f.newPrimary === null && stopped === null)
        return `No failover: ${old} stayed primary; the fault ended at ${s(f.endedAt)}.`;
      return `${old} stopped taking writes at ${s(stopped)}; its leader key was gone by ${s(f.leaderKeyGoneAt)}; ${took}.`;
    case 'pause': {
      const overlap = f.writableOverlapSeconds;
      // Resumed, the old primary may never step down (Patroni 3.0.2 can write the key back over the
      // new primary's): then neither its log nor the poller saw it stop being primary.
      if (stopped === null)
        return `${took} while ${old} was paused; resumed at ${s(f.endedAt)}, ${old} did not step down: it was still primary when the scenario ended.`;
      return (
        `${took} while ${old} was paused; resumed at ${s(f.endedAt)}, ${old} ` +
        (overlap > 0
          ? `still took writes for ${s(overlap)} before it stepped down.`
          : 'stepped down before taking any write.')
      );
    }
    case 'etcd':
      if (stopped === null) return `${old} stayed primary with the leader key; the fault ended at ${s(f.endedAt)}.`;
      return `${old} stopped taking writes at ${s(stopped)}; ${took}; the fault ended at ${s(f.endedAt)}.`;
    case 'sync': {
      const [fast, slow, cut] = scenario.phases;
      const rate = (p: typeof fast) =>
        p ? `${p.perSecond} commits/s, median ${p.p50Ms === null ? '–' : `${p.p50Ms} ms`}` : '?';
      return (
        `Full speed ${rate(fast)}; throttled ${rate(slow)}; after the cut, Patroni named ${f.syncStandbyMovedAt === null ? 'no other synchronous standby' : `another synchronous standby at ${s(f.syncStandbyMovedAt)}`}` +
        (cut ? ` (commits stalled until then: ${cut.acknowledged} in ${s(cut.to - cut.from)})` : '') +
        '.'
      );
    }
  }
}

/** "on" or "off", for the replication column. */
export function replicationLabel(scenario: FaultScenario): string {
  return `${scenario.synchronousMode ? 'synchronous' : 'asynchronous'}${scenario.failsafeMode ? ', failsafe_mode' : ''}`;
}

/** The page whose table shows each group's rows, so that a claim anywhere can link to its scenarios. */
export const TABLE_PAGE: Readonly<Record<FaultGroup, string>> = {
  partition: '/articles/failover-and-split-brain/',
  pause: '/articles/failover-and-split-brain/',
  sync: '/articles/failover-and-split-brain/',
  etcd: '/articles/consensus-and-quorum/',
};

type ScenarioClaim = FaultScenario['claims'][number];

/**
 * A claim's verdict in words. A gating claim "holds" or is "contradicted" (that failed the run); an
 * observed one "held" or "broke" this time, and is marked as observed: whether it holds depends on a
 * race the run does not control, so it is recorded, never a test.
 */
export function verdictLabel(claim: Pick<ScenarioClaim, 'ok' | 'gating'>): string {
  if (claim.gating) return claim.ok ? 'holds' : 'contradicted';
  return claim.ok ? 'observed, held this time' : 'observed, broke this time';
}

export interface ClaimEvidence {
  readonly scenario: FaultScenario;
  readonly ok: boolean;
  /** False: an observed outcome, not a test (see verdictLabel). */
  readonly gating: boolean;
  readonly detail: string;
  /** Path and anchor of the scenario's row. */
  readonly href: string;
}

/** Every scenario that checked a claim, with its verdict and where its row is. */
export function evidenceFor(results: FaultResults, claimId: string): ClaimEvidence[] {
  return results.scenarios.flatMap((scenario) =>
    scenario.claims
      .filter((c) => c.id === claimId)
      .map((c) => ({
        scenario,
        ok: c.ok,
        gating: c.gating,
        detail: c.detail,
        href: `${TABLE_PAGE[scenario.group]}#${scenarioAnchor(scenario.id)}`,
      })),
  );
}

/** The id of a claim's box (<FaultClaim>), for links from where the claim is made. */
export const claimAnchor = (id: string): string => `claim-${id}`;

/** How a claim fared across the scenarios that checked it. */
export interface ClaimTally {
  /** Scenarios that test it (gating), and in how many it held. */
  readonly tested: number;
  readonly held: number;
  /** Scenarios that only observe it (a race decides), and in how many it held. */
  readonly observed: number;
  readonly observedHeld: number;
}

export function claimTally(evidence: readonly ClaimEvidence[]): ClaimTally {
  const tested = evidence.filter((e) => e.gating);
  const observed = evidence.filter((e) => !e.gating);
  return {
    tested: tested.length,
    held: tested.filter((e) => e.ok).length,
    observed: observed.length,
    observedHeld: observed.filter((e) => e.ok).length,
  };
}

/**
 * The tally in words, e.g. "held in 11 of 11 fault scenarios that test it; broke in 1 of 2 that
 * observe it".
 */
export function tallyText(tally: ClaimTally): string {
  const parts: string[] = [];
  if (tally.tested > 0)
    parts.push(
      tally.held === tally.tested
        ? `held in ${tally.tested} of ${tally.tested} fault scenarios that test it`
        : `contradicted in ${tally.tested - tally.held} of ${tally.tested} fault scenarios that test it`,
    );
  if (tally.observed > 0)
    parts.push(
      tally.observedHeld === tally.observed
        ? `held in ${tally.observed} of ${tally.observed} that observe it`
        : `broke in ${tally.observed - tally.observedHeld} of ${tally.observed} that observe it`,
    );
  return parts.join('; ');
}

/**
 * Where a claim's box is: beside the table of the first scenario that checked it (TABLE_PAGE), or
 * null when no scenario did.
 */
export function claimBoxHref(results: FaultResults, claimId: string): string | null {
  const first = evidenceFor(results, claimId)[0];
  return first ? `${TABLE_PAGE[first.scenario.group]}#${claimAnchor(claimId)}` : null;
}
