/**
 * The failover simulator's browser side. FailoverSimulator.astro renders the controls hidden, a static
 * figure and a sample run; once the component scrolls into view its loader imports this module (built
 * as a bundle of its own, see src/client/islands.ts), which runs the model, wires the controls and shows
 * them. Plain DOM, no framework: the whole island must stay under 20 KB of gzipped JavaScript.
 */
import { onMountRequest } from '../../client/islands.ts';
import { createSimulation, formatSeconds, TICK_MS, type SimAction, type SimEvent, type Simulation } from './model.ts';
import { timingProblems, type SimParams } from './params.ts';
import { inWindow, predictFailover } from './predict.ts';
import { formatWindow, renderFigure, renderWindow } from './view.ts';

const MAX_TIMELINE = 300;
/** Real milliseconds between two redraws while playing. */
const FRAME_MS = 100;
/**
 * The same, for readers who ask for reduced motion: the figure and its clock change once a second,
 * and whenever something happens in the cluster, instead of ticking ten times a second.
 */
const REDUCED_FRAME_MS = 1000;
const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

export function mount(root: HTMLElement): void {
  const base = JSON.parse(root.dataset['params'] ?? '{}') as SimParams;
  const id = root.dataset['id'] ?? 'cde-sim';
  let seed = Number(root.dataset['seed'] ?? 1);
  let params = base;
  let sim: Simulation = createSimulation(params, seed);
  let playing = false;
  let last = 0;
  let debt = 0;
  let drawn = 0;

  const $ = <T extends Element = HTMLElement>(selector: string): T | null => root.querySelector<T>(selector);
  const figure = $('[data-figure]');
  const status = $('[data-status]');
  const timeline = $<HTMLOListElement>('[data-timeline]');
  const live = $('[data-live]');
  const message = $('[data-message]');
  const windowText = $('[data-window-text]');
  const windowFigure = $('[data-window]');
  const problems = $('[data-problems]');
  const playButton = $<HTMLButtonElement>('[data-act="play"]');
  const speed = $<HTMLSelectElement>('[data-speed]');
  const seedText = $('[data-seed]');
  const sliders = [...root.querySelectorAll<HTMLInputElement>('input[type="range"]')];
  const syncBox = $<HTMLInputElement>('input[name="synchronous_mode"]');

  const say = (text: string): void => {
    if (!live) return;
    live.textContent = '';
    // A fresh text node, a moment later, so screen readers announce a repeated message too.
    requestAnimationFrame(() => {
      live.textContent = text;
    });
  };

  const addEvents = (events: readonly SimEvent[]): void => {
    if (!timeline || events.length === 0) return;
    const stick = timeline.scrollTop + timeline.clientHeight >= timeline.scrollHeight - 8;
    for (const event of events) {
      const item = document.createElement('li');
      if (event.important) item.className = 'cde-sim__important';
      const time = document.createElement('span');
      time.className = 'cde-sim__time';
      time.textContent = `t=${formatSeconds(event.t)}`;
      item.append(time, ` ${event.text}`);
      timeline.append(item);
    }
    while (timeline.children.length > MAX_TIMELINE) timeline.firstElementChild?.remove();
    if (stick) timeline.scrollTop = timeline.scrollHeight;
    const important = events.filter((e) => e.important);
    if (important.length > 0) say(important.map((e) => `t=${formatSeconds(e.t)}: ${e.text}`).join(' '));
  };

  const label = (button: HTMLButtonElement, text: string): void => {
    if (button.textContent !== text) button.textContent = text;
  };

  const draw = (): void => {
    if (figure) figure.innerHTML = renderFigure(sim, `${id}-live`);
    if (status) {
      const writes = sim.writes === 'ok' ? `writes go to ${sim.routeTarget ?? ''}` : `writes ${sim.writes}`;
      status.textContent = `t=${formatSeconds(sim.t)} · ${writes}`;
    }
    for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-node], button[data-member]')) {
      const name = button.dataset['node'] ?? button.dataset['member'] ?? '';
      const act = button.dataset['act'];
      if (act === 'crash') label(button, sim.node(name).running ? `Crash ${name}` : `Restart ${name}`);
      if (act === 'cut') label(button, sim.node(name).cut ? `Reconnect ${name}` : `Cut ${name} off`);
      if (act === 'slow') label(button, sim.node(name).slow ? `Full speed to ${name}` : `Slow ${name}'s replication`);
      if (act === 'etcd') label(button, sim.etcd.find((m) => m.name === name)?.up ? `Stop ${name}` : `Start ${name}`);
    }
    const prediction = predictFailover(params);
    const f = sim.failover;
    const lock = f?.lockAt != null ? (f.lockAt - f.at) / 1000 : null;
    const routed = f?.routedAt != null ? (f.routedAt - f.at) / 1000 : null;
    if (windowFigure) windowFigure.innerHTML = renderWindow(prediction, { lock, routed });
    if (windowText) {
      let text = `If the primary crashes with these settings, another node holds the leader key ${formatWindow(prediction.lock)} after the crash, and HAProxy sends writes to it ${formatWindow(prediction.routed)} after.`;
      if (f && f.to && lock !== null) {
        const inside =
          f.cause === 'crash' &&
          inWindow(lock, prediction.lock) &&
          (routed === null || inWindow(routed, prediction.routed));
        text += ` This run: ${f.to} held the key ${lock.toFixed(1)} s after ${f.from} ${f.cause === 'crash' ? 'crashed' : 'was cut off'}`;
        text += routed === null ? '.' : `, and HAProxy followed after ${routed.toFixed(1)} s`;
        text +=
          f.cause === 'crash'
            ? inside
              ? ', inside the window.'
              : ', outside the window: something else was broken too.'
            : '. A cut-off primary is still running, so the race also waits for a REST request to it to time out (2 s).';
      } else if (f) {
        text += ` This run: ${f.from} ${f.cause === 'crash' ? 'crashed' : 'was cut off'} at t=${formatSeconds(f.at)}; waiting for the failover.`;
      }
      windowText.textContent = text;
    }
    if (playButton) label(playButton, playing ? 'Pause' : 'Play');
    if (seedText) seedText.textContent = String(seed);
  };

  const advance = (ms: number): void => {
    addEvents(sim.run(ms));
    draw();
  };

  const frame = (now: number): void => {
    if (!playing) return;
    debt += (now - last) * Number(speed?.value ?? 1);
    last = now;
    const ticks = Math.floor(debt / TICK_MS);
    if (ticks > 0) {
      debt -= ticks * TICK_MS;
      const events = sim.run(ticks * TICK_MS);
      addEvents(events);
      if (now - drawn >= (reducedMotion() ? REDUCED_FRAME_MS : FRAME_MS) || events.length > 0) {
        draw();
        drawn = now;
      }
    }
    requestAnimationFrame(frame);
  };

  const setPlaying = (on: boolean): void => {
    playing = on;
    if (on) {
      last = performance.now();
      debt = 0;
      requestAnimationFrame(frame);
    }
    draw();
  };

  const restart = (announce: string): void => {
    sim = createSimulation(params, seed);
    timeline?.replaceChildren();
    addEvents(sim.events);
    draw();
    say(announce);
  };

  const act = (action: SimAction): void => {
    const result = sim.apply(action);
    if (message) message.textContent = result.ok ? '' : result.message;
    if (result.ok) addEvents(sim.events.slice(-1));
    else say(result.message);
    draw();
  };

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-act]');
    if (!button) return;
    const node = button.dataset['node'] ?? '';
    const member = button.dataset['member'] ?? '';
    switch (button.dataset['act']) {
      case 'play':
        return setPlaying(!playing);
      case 'step':
        return advance(1000);
      case 'restart':
        return restart(`Restarted the run with seed ${seed}: a healthy cluster at t=0.`);
      case 'seed':
        seed += 1;
        return restart(`New run with seed ${seed}: the nodes' HA loops have new phases.`);
      case 'crash-primary': {
        const primary = sim.primary ?? sim.nodes.find((n) => n.running && n.name === sim.leaderKey?.holder);
        if (primary) return act({ type: 'crash', node: primary.name });
        if (message) message.textContent = 'No node runs as the primary right now.';
        return say('No node runs as the primary right now.');
      }
      case 'crash':
        return act({ type: sim.node(node).running ? 'crash' : 'restart', node });
      case 'cut':
        return act({ type: sim.node(node).cut ? 'reconnect' : 'cut', node });
      case 'slow':
        return act({ type: 'slow', node, slow: !sim.node(node).slow });
      case 'etcd':
        return act({ type: sim.etcd.find((m) => m.name === member)?.up ? 'etcd-stop' : 'etcd-start', member });
      case 'heal':
        return act({ type: 'heal' });
      case 'switchover':
        return act({ type: 'switchover' });
    }
  });

  const readSettings = (): { ttl: number; loop_wait: number; retry_timeout: number } => {
    const value = (name: string) => Number(sliders.find((s) => s.name === name)?.value);
    return { ttl: value('ttl'), loop_wait: value('loop_wait'), retry_timeout: value('retry_timeout') };
  };

  const showSettings = (): string[] => {
    const timing = readSettings();
    for (const slider of sliders) {
      const output = root.querySelector(`output[for="${slider.id}"]`);
      if (output) output.textContent = `${slider.value} s`;
    }
    const found = timingProblems(timing);
    for (const slider of sliders) slider.setAttribute('aria-invalid', String(found.length > 0));
    if (problems) {
      problems.textContent =
        found.length > 0
          ? `Rejected, as Patroni would: ${found.join(' ')} The simulation keeps its last valid settings.`
          : '';
    }
    return found;
  };

  root.addEventListener('input', (event) => {
    if ((event.target as HTMLInputElement).type === 'range') showSettings();
  });
  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type !== 'range' && target !== syncBox) return;
    if (showSettings().length > 0) {
      say(problems?.textContent ?? '');
      return;
    }
    params = { ...params, ...readSettings(), synchronous_mode: syncBox?.checked ?? params.synchronous_mode };
    restart(
      `New run with ttl ${params.ttl} s, loop_wait ${params.loop_wait} s, retry_timeout ${params.retry_timeout} s` +
        `${params.synchronous_mode ? ', synchronous_mode on' : ''}.`,
    );
  });

  // Hand over from the static figure to the live one.
  for (const element of root.querySelectorAll<HTMLElement>('[data-static]')) element.hidden = true;
  showSettings();
  addEvents(sim.events);
  draw();
  for (const element of root.querySelectorAll<HTMLElement>('[data-ui]')) element.hidden = false;
  root.dataset['ready'] = 'true';
}

onMountRequest('cde-failover-sim', mount);
