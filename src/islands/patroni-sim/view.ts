/**
 * Draws a simulation's state as SVG markup, and says it in words. The same functions render the static
 * figure at build time and the live one in the browser, so both look the same. Colours come from the
 * site's CSS custom properties through classes (see FailoverSimulator.astro), so both themes work.
 */
import { formatBytes, formatSeconds, type Simulation, type SimNode } from './model.ts';
import type { FailoverPrediction } from './predict.ts';

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const WIDTH = 640;
const HEIGHT = 390;

/** The role of a node in words, as the figure and the summary show it. */
export function roleOf(sim: Simulation, n: SimNode): string {
  if (!n.running) return 'stopped';
  switch (n.pg) {
    case 'primary':
      return sim.answersPrimary(n) ? 'primary' : 'primary, lock lost';
    case 'promoting':
      return 'promoting';
    case 'demoting':
      return 'demoting';
    case 'starting':
      return 'starting';
    default:
      return n.upstream && n.upstream !== n.name ? `replica of ${n.upstream}` : 'replica, no primary';
  }
}

function text(x: number, y: number, content: string, cls = ''): string {
  return `<text x="${x}" y="${y}"${cls ? ` class="${cls}"` : ''}>${escape(content)}</text>`;
}

function nodeBox(sim: Simulation, n: SimNode, x: number, w: number): string {
  const y = 132;
  const h = 96;
  const cx = x + w / 2;
  const state = !n.running ? 'stopped' : n.pg === 'primary' || n.pg === 'promoting' ? 'primary' : n.pg;
  const badges = [
    sim.leaderKey?.holder === n.name ? 'leader key' : '',
    sim.syncKey?.standby === n.name && sim.params.synchronous_mode ? 'sync standby' : '',
    n.cut ? 'cut off' : '',
    n.slow ? 'slow' : '',
  ].filter(Boolean);
  const primary = sim.primary;
  const detail = !n.running
    ? `WAL ${formatBytes(n.wal)}`
    : n === primary
      ? `timeline ${n.timeline}`
      : `lag ${formatBytes(sim.lagOf(n))}`;
  return [
    `<g class="cde-sim-node cde-sim-node--${state}${n.cut ? ' cde-sim-node--cut' : ''}">`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8"/>`,
    text(cx, y + 22, n.name, 'cde-sim-strong'),
    text(cx, y + 42, roleOf(sim, n)),
    text(cx, y + 61, detail, 'cde-sim-small'),
    text(cx, y + 82, badges.join(' · '), 'cde-sim-small cde-sim-badge'),
    '</g>',
  ].join('');
}

/** The whole figure as an `<svg>` element. `id` must be unique on the page. */
export function renderFigure(sim: Simulation, id: string): string {
  const count = sim.nodes.length;
  const gap = 20;
  const w = Math.min(180, (WIDTH - 40 - (count - 1) * gap) / count);
  const left = (WIDTH - (count * w + (count - 1) * gap)) / 2;
  const xs = sim.nodes.map((_, i) => left + i * (w + gap));
  const target = sim.routeTarget;
  const parts: string[] = [];
  parts.push(
    `<svg class="cde-sim-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">The cluster at t=${formatSeconds(sim.t)}</title>`,
    `<desc id="${id}-desc">${escape(describe(sim))}</desc>`,
  );
  // Clients and HAProxy.
  parts.push(
    text(WIDTH / 2, 16, 'Clients', 'cde-sim-small'),
    `<line class="cde-sim-link" x1="${WIDTH / 2}" y1="22" x2="${WIDTH / 2}" y2="42"/>`,
    `<g class="cde-sim-proxy"><rect x="${WIDTH / 2 - 80}" y="42" width="160" height="50" rx="8"/>`,
    text(WIDTH / 2, 62, 'HAProxy', 'cde-sim-strong'),
    text(WIDTH / 2, 82, target ? `writes → ${target}` : 'writes: no primary', 'cde-sim-small'),
    '</g>',
  );
  sim.nodes.forEach((n, i) => {
    const cx = (xs[i] ?? 0) + w / 2;
    const up = sim.proxy[i]?.up ?? false;
    const cls = n.name === target ? 'cde-sim-route' : up ? 'cde-sim-link' : 'cde-sim-link cde-sim-link--off';
    parts.push(`<line class="${cls}" x1="${WIDTH / 2}" y1="92" x2="${cx}" y2="132"/>`);
  });
  sim.nodes.forEach((n, i) => parts.push(nodeBox(sim, n, xs[i] ?? 0, w)));
  // etcd and each node's connection to it.
  const boxX = 120;
  const boxW = WIDTH - 240;
  const boxY = 268;
  sim.nodes.forEach((n, i) => {
    const cx = (xs[i] ?? 0) + w / 2;
    const tx = Math.min(boxX + boxW - 20, Math.max(boxX + 20, cx));
    const cls = n.cut
      ? 'cde-sim-link cde-sim-link--cut'
      : !n.running
        ? 'cde-sim-link cde-sim-link--off'
        : 'cde-sim-link';
    parts.push(`<line class="${cls}" x1="${cx}" y1="228" x2="${tx}" y2="${boxY}"/>`);
  });
  const key = sim.leaderKey;
  const keyText = !sim.dcsAvailable
    ? `no majority: ${sim.etcdUp} of ${sim.etcd.length} up`
    : key
      ? `leader key: ${key.holder}, expires in ${formatSeconds(Math.max(0, key.expires - sim.t))}`
      : 'leader key: none';
  parts.push(
    `<g class="cde-sim-etcd${sim.dcsAvailable ? '' : ' cde-sim-etcd--down'}"><rect x="${boxX}" y="${boxY}" width="${boxW}" height="116" rx="8"/>`,
    text(WIDTH / 2, boxY + 20, `etcd · ${keyText}`, 'cde-sim-strong'),
  );
  const m = sim.etcd.length;
  const step = Math.min(80, (boxW - 40) / m);
  sim.etcd.forEach((member, i) => {
    const cx = WIDTH / 2 + (i - (m - 1) / 2) * step;
    const state = !member.up ? 'down' : sim.etcdLeader === member.name ? 'leader' : 'up';
    parts.push(
      `<g class="cde-sim-member cde-sim-member--${state}"><circle cx="${cx}" cy="${boxY + 52}" r="16"/>`,
      state === 'down' ? `<path d="M${cx - 7} ${boxY + 45}l14 14m0 -14l-14 14"/>` : '',
      text(cx, boxY + 86, member.name, 'cde-sim-small'),
      text(cx, boxY + 102, state, 'cde-sim-small'),
      '</g>',
    );
  });
  parts.push('</g></svg>');
  return parts.join('');
}

/** The state in one paragraph, for the figure's description and the status line. */
export function describe(sim: Simulation): string {
  const nodes = sim.nodes
    .map(
      (n) =>
        `${n.name} ${roleOf(sim, n)}${n.cut ? ' (cut off the network)' : ''}${n.slow ? ' (slow replication)' : ''}`,
    )
    .join('; ');
  const key = sim.leaderKey;
  const etcd = sim.dcsAvailable
    ? `etcd has ${sim.etcdUp} of ${sim.etcd.length} members up, leader ${sim.etcdLeader ?? 'none'}`
    : `etcd has ${sim.etcdUp} of ${sim.etcd.length} members up: no majority, so it accepts no reads or writes`;
  const keyText = key
    ? `The leader key names ${key.holder} and expires in ${formatSeconds(Math.max(0, key.expires - sim.t))}.`
    : 'There is no leader key.';
  const writes =
    sim.writes === 'ok'
      ? `HAProxy sends writes to ${sim.routeTarget ?? 'nobody'}.`
      : sim.writes === 'refused'
        ? 'Writes are refused: HAProxy has no healthy primary.'
        : 'Writes wait for the synchronous standby.';
  return `${nodes}. ${etcd}. ${keyText} ${writes}`;
}

/** "20.0-31.0 s". */
export function formatWindow(window: { min: number; max: number }): string {
  return `${window.min.toFixed(1)}-${window.max.toFixed(1)} s`;
}

/** The predicted windows on a time axis, with where a run landed: a small SVG. */
export function renderWindow(
  prediction: FailoverPrediction,
  landed: { lock: number | null; routed: number | null },
): string {
  const end = Math.ceil(prediction.routed.max / 5) * 5 + 5;
  const x = (s: number) => 10 + (Math.max(0, Math.min(end, s)) / end) * 580;
  const bar = (y: number, window: { min: number; max: number }, label: string) =>
    `<rect class="cde-sim-range" x="${x(window.min)}" y="${y}" width="${x(window.max) - x(window.min)}" height="12" rx="3"/>` +
    text(x(window.min) - 6, y + 10, label, 'cde-sim-small cde-sim-end');
  const mark = (y: number, s: number | null) =>
    s === null
      ? ''
      : `<path class="cde-sim-mark" d="M${x(s)} ${y - 4}v20"/>` +
        text(x(s), y + 30, `${s.toFixed(1)} s`, 'cde-sim-small');
  const ticks = Array.from({ length: end / 5 + 1 }, (_, i) =>
    text(x(i * 5), 92, `${i * 5}`, 'cde-sim-small cde-sim-tick'),
  ).join('');
  return (
    `<svg class="cde-sim-window-svg" viewBox="-60 0 660 100" aria-hidden="true">` +
    bar(8, prediction.lock, 'lock') +
    bar(44, prediction.routed, 'HAProxy') +
    mark(8, landed.lock) +
    mark(44, landed.routed) +
    `<line class="cde-sim-link" x1="10" y1="78" x2="590" y2="78"/>` +
    ticks +
    '</svg>'
  );
}
