/**
 * The quorum calculator's browser side: fills in the form that QuorumCalculator.astro renders hidden,
 * and shows it. Loaded on visibility by the component's loader.
 */
import { evaluateQuorum, majority } from './quorum.ts';

/** Offers 0..max in a select, keeping its value where it can; rebuilt only when max changes. */
function options(select: HTMLSelectElement, max: number, keep: number): number {
  const value = Math.min(keep, max);
  if (select.options.length !== max + 1) {
    select.replaceChildren(...Array.from({ length: max + 1 }, (_, i) => new Option(String(i), String(i))));
  }
  select.value = String(value);
  return value;
}

export function mount(root: HTMLElement): void {
  const form = root.querySelector('form');
  if (!form) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const [members, down, sideA] = [field('members'), field('down'), field('sideA')];
  const sideLabel = root.querySelector<HTMLElement>('[data-side-a]');
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  const even = root.querySelector<HTMLElement>('[data-even]');
  const dots = root.querySelector<HTMLElement>('[data-dots]');
  const rows = root.querySelectorAll<HTMLTableRowElement>('tbody tr');

  const update = (): void => {
    const n = Number(members.value);
    const d = options(down, n, Number(down.value));
    const split = (form.elements.namedItem('mode') as RadioNodeList).value === 'split';
    const a = options(sideA, n - d, sideA.options.length > 0 ? Number(sideA.value) : Math.ceil((n - d) / 2));
    if (sideLabel) sideLabel.hidden = !split;
    const result = evaluateQuorum({ members: n, down: d, sideA: split ? a : null });
    if (summary) summary.textContent = result.summary;
    if (even) {
      even.textContent = result.evenNote ?? '';
      even.hidden = result.evenNote === null;
    }
    if (dots) {
      dots.replaceChildren(
        ...Array.from({ length: n }, (_, i) => {
          const dot = document.createElement('span');
          const state = i < n - d ? (split ? (i < a ? 'a' : 'b') : 'up') : 'down';
          const side = result.sides.find((s) => s.name === (state === 'a' ? 'side A' : 'side B'));
          dot.className = `cde-quorum__dot cde-quorum__dot--${state}${side?.hasMajority || (state === 'up' && result.available) ? ' cde-quorum__dot--majority' : ''}`;
          dot.textContent = state === 'down' ? '×' : state === 'up' ? '' : state.toUpperCase();
          return dot;
        }),
      );
    }
    rows.forEach((row) => {
      const current = row.dataset['members'] === String(n);
      row.classList.toggle('cde-quorum__row--current', current);
      if (current) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    });
    root.dataset['majority'] = String(majority(n));
  };

  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
  form.hidden = false;
}
