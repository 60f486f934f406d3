/**
 * Numbered parts in reading order (issue 16: article 1's Patroni figure drew its etcd members
 * "3, 1, 2"; the layout engine often reverses the declaration order of siblings). Parts of one
 * figure that share a name and differ by a number or a capital letter ("Node 1", "Node 2";
 * "Shard A", "Shard B"; "etcd1", "etcd2") must read left to right in order where they stand in
 * one row, and top to bottom where they stand in one column. Scattered parts (a ring, a
 * diagonal) and a sequence diagram's participants (drawn in the order declared, which is the
 * story's) are not checked. Pure: the geometry of geometry.ts in, problems out.
 */
import type { Box, FigureGeometry, FigurePart } from './geometry.ts';

export interface NumberedOrderProblem {
  /** The parts as drawn, in the order a reader meets them. */
  drawn: string[];
  direction: 'left to right' | 'top to bottom';
}

/** "Node 1: primary" → { name: "node", rank: 1 }; "Shard B" → { name: "shard", rank: 2 }; "etcd3" → etcd, 3. */
export function sequenceKey(label: string): { name: string; rank: number } | undefined {
  const digits = /^([A-Za-z][A-Za-z -]*?) ?(\d{1,2})(?=$|[\s:,.;)])/.exec(label);
  if (digits?.[1] && digits[2]) return { name: digits[1].trim().toLowerCase(), rank: Number(digits[2]) };
  const letter = /^([A-Za-z][A-Za-z -]*?) ([A-H])(?=$|[\s:,.;)])/.exec(label);
  if (letter?.[1] && letter[2]) return { name: letter[1].trim().toLowerCase(), rank: letter[2].charCodeAt(0) - 64 };
  return undefined;
}

const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** How far apart two centres may be and still stand in one row (or column): half the smallest box, at least 8 units. */
function tolerance(boxes: Box[], axis: 'x' | 'y'): number {
  const sizes = boxes.map((box) => (axis === 'y' ? box.height : box.width)).filter((size) => size > 0);
  return Math.max(8, sizes.length > 0 ? Math.min(...sizes) / 2 : 0);
}

type Member = { part: FigurePart; rank: number };

/** The members that line up across `axis` ('y': rows; 'x': columns), two or more to a line. */
function lines(members: Member[], axis: 'x' | 'y'): Member[][] {
  const limit = tolerance(
    members.map((member) => member.part.box),
    axis,
  );
  const sorted = [...members].sort((a, b) => centre(a.part.box)[axis] - centre(b.part.box)[axis]);
  const found: Member[][] = [];
  for (const member of sorted) {
    const line = found.at(-1);
    const first = line?.[0];
    if (line && first && centre(member.part.box)[axis] - centre(first.part.box)[axis] <= limit) line.push(member);
    else found.push([member]);
  }
  return found.filter((line) => line.length >= 2);
}

/** Every row or column of numbered parts drawn out of their order. */
export function checkNumberedOrder(geometry: FigureGeometry): NumberedOrderProblem[] {
  const groups = new Map<string, Member[]>();
  for (const part of geometry.parts) {
    // A sequence diagram's participants stand in the order the author declared, which tells the story.
    if (part.kind !== 'node' && part.kind !== 'subgraph') continue;
    const key = sequenceKey(part.label);
    if (!key) continue;
    // Subgraph frames and the boxes inside them are different sequences.
    const group = `${part.kind === 'subgraph' ? 'subgraph' : 'part'}:${key.name}`;
    groups.set(group, [...(groups.get(group) ?? []), { part, rank: key.rank }]);
  }
  const problems: NumberedOrderProblem[] = [];
  for (const members of groups.values()) {
    // "Range A leader" and "Range A, node 2" share a rank: not a sequence of distinct parts.
    if (new Set(members.map((member) => member.rank)).size !== members.length) continue;
    // Rows read left to right, columns top to bottom; parts in neither are scattered and not checked.
    for (const [across, along] of [
      ['y', 'x'],
      ['x', 'y'],
    ] as const) {
      for (const line of lines(members, across)) {
        const drawn = [...line].sort((a, b) => centre(a.part.box)[along] - centre(b.part.box)[along]);
        const inOrder = drawn.every((member, index) => index === 0 || (drawn[index - 1]?.rank ?? 0) < member.rank);
        if (!inOrder) {
          problems.push({
            drawn: drawn.map((member) => member.part.label),
            direction: along === 'x' ? 'left to right' : 'top to bottom',
          });
        }
      }
    }
  }
  return problems;
}

/** The message for a problem, with the fix. */
export function numberedOrderMessage(figureId: string, problem: NumberedOrderProblem): string {
  return (
    `figure #${figureId} draws ${problem.drawn.map((label) => `"${label}"`).join(', ')} ${problem.direction}, ` +
    'out of their order. Declare them in the diagram in the order that draws them in sequence ' +
    '(the layout engine may reverse siblings), or number them as drawn.'
  );
}
