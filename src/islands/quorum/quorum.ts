/**
 * Majority quorum arithmetic for a consensus cluster such as etcd (Raft): a cluster of n voting
 * members needs more than half of all n, floor(n / 2) + 1, to elect a leader and commit a write, so
 * it survives floor((n - 1) / 2) failed members. Shared by the calculator's build-time table and its
 * browser island: no dependencies.
 */
export const MAX_MEMBERS = 9;

export function majority(members: number): number {
  return Math.floor(members / 2) + 1;
}

export function toleratedFailures(members: number): number {
  return Math.floor((members - 1) / 2);
}

export interface QuorumInput {
  /** Voting members in the cluster, 1 to 9. */
  readonly members: number;
  /** Members that are down. */
  readonly down: number;
  /** With a network partition: how many of the members still up are on side A (the rest are on B). */
  readonly sideA: number | null;
}

export interface QuorumSide {
  readonly name: string;
  readonly members: number;
  readonly hasMajority: boolean;
}

export interface QuorumResult {
  readonly majority: number;
  readonly tolerated: number;
  readonly sides: readonly QuorumSide[];
  /** Some side can elect a leader and accept writes. */
  readonly available: boolean;
  /** The situation in plain words. */
  readonly summary: string;
  /** Why an even size adds a member without adding tolerance; null for odd sizes. */
  readonly evenNote: string | null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The problems with an input, as sentences; empty when it describes a possible cluster. */
export function quorumProblems({ members, down, sideA }: QuorumInput): string[] {
  if (!Number.isInteger(members) || members < 1 || members > MAX_MEMBERS) {
    return [`Choose 1 to ${MAX_MEMBERS} members.`];
  }
  const problems: string[] = [];
  if (!Number.isInteger(down) || down < 0 || down > members)
    problems.push(`Between 0 and ${members} members can be down.`);
  else if (sideA !== null && (!Number.isInteger(sideA) || sideA < 0 || sideA > members - down)) {
    problems.push(`Side A can hold 0 to ${members - down} of the members that are up.`);
  }
  return problems;
}

export function evaluateQuorum(input: QuorumInput): QuorumResult {
  const problems = quorumProblems(input);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const { members, down, sideA } = input;
  const need = majority(members);
  const up = members - down;
  const sides: QuorumSide[] =
    sideA === null
      ? [{ name: 'the cluster', members: up, hasMajority: up >= need }]
      : [
          { name: 'side A', members: sideA, hasMajority: sideA >= need },
          { name: 'side B', members: up - sideA, hasMajority: up - sideA >= need },
        ];
  const available = sides.some((s) => s.hasMajority);
  const counted = sides
    .map((s) => `${s.name} has ${s.members} of ${members} ${s.hasMajority ? '(a majority)' : '(no majority)'}`)
    .join('; ');
  const downText = down > 0 ? `${plural(down, 'member is', 'members are')} down. ` : '';
  const outcome = available
    ? sideA === null
      ? 'It elects a leader and accepts writes.'
      : `Only ${sides.find((s) => s.hasMajority)?.name} can elect a leader and accept writes; the other side refuses them.`
    : 'No side has a majority: no leader, no writes, so Patroni can neither renew nor take its leader key.';
  const tolerated = toleratedFailures(members);
  const smaller = members - 1;
  const evenNote =
    members % 2 === 0
      ? `${members} members tolerate ${plural(tolerated, 'failure', 'failures')}, no more than ${smaller} ${smaller === 1 ? 'member does' : 'members do'}, ` +
        `yet a majority needs ${need} instead of ${majority(smaller)}: one more machine to run and one more vote to wait for, and a split into two halves of ${members / 2} leaves neither side a majority.`
      : null;
  return {
    majority: need,
    tolerated,
    sides,
    available,
    summary: `A majority of ${members} is ${need}. ${downText}${counted[0]?.toUpperCase()}${counted.slice(1)}. ${outcome}`,
    evenNote,
  };
}

/** One member as the calculator draws it. */
export interface QuorumDot {
  /** Up (no partition), down, or up on side A or B of a partition. */
  readonly state: 'up' | 'down' | 'a' | 'b';
  /** It is up and on a side that holds a majority. */
  readonly inMajority: boolean;
  /** The text in the dot: × when down, the side's letter in a partition, nothing otherwise. */
  readonly mark: string;
}

/**
 * The members in order, as the calculator draws them: the first `members - down` are up (the first
 * `sideA` of those on side A in a partition), the rest down. Shared by the build-time first state
 * and the island, so that the island's first render changes nothing on screen.
 */
export function quorumDots(input: QuorumInput, result: QuorumResult): QuorumDot[] {
  const up = input.members - input.down;
  return Array.from({ length: input.members }, (_, i): QuorumDot => {
    if (i >= up) return { state: 'down', inMajority: false, mark: '×' };
    if (input.sideA === null) return { state: 'up', inMajority: result.available, mark: '' };
    const state = i < input.sideA ? 'a' : 'b';
    const side = result.sides.find((candidate) => candidate.name === (state === 'a' ? 'side A' : 'side B'));
    return { state, inMajority: side?.hasMajority ?? false, mark: state.toUpperCase() };
  });
}

/** The class list of a drawn member. */
export function quorumDotClass(dot: QuorumDot): string {
  return `cde-quorum__dot cde-quorum__dot--${dot.state}${dot.inMajority ? ' cde-quorum__dot--majority' : ''}`;
}
