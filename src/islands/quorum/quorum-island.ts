/**
 * The quorum calculator's browser side: keeps the form that QuorumCalculator.astro renders (in its
 * first state, shown only where scripting is on) in step with the reader's choices. Built as a
 * bundle of its own and loaded on visibility (src/client/islands.ts).
 */
import { onMountRequest } from '../../client/islands.ts';
import { evaluateQuorum, majority, quorumDotClass, quorumDots } from './quorum.ts';

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
  const form = root.querySelector<HTMLElement>('[data-form]');
  if (!form) return;
  const field = (name: string) => form.querySelector(`select[name="${name}"]`) as HTMLSelectElement;
  const [members, down, sideA] = [field('members'), field('down'), field('sideA')];
  const sideLabel = root.querySelector<HTMLElement>('[data-side-a]');
  const summary = root.querySelector<HTMLElement>('[data-summary]');
  const even = root.querySelector<HTMLElement>('[data-even]');
  const dots = root.querySelector<HTMLElement>('[data-dots]');
  const rows = root.querySelectorAll<HTMLTableRowElement>('tbody tr');

  const update = (): void => {
    const n = Number(members.value);
    const d = options(down, n, Number(down.value));
    const split = form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value === 'split';
    const a = options(sideA, n - d, sideA.options.length > 0 ? Number(sideA.value) : Math.ceil((n - d) / 2));
    if (sideLabel) sideLabel.hidden = !split;
    const input = { members: n, down: d, sideA: split ? a : null };
    const result = evaluateQuorum(input);
    if (summary) summary.textContent = result.summary;
    if (even) {
      even.textContent = result.evenNote ?? '';
      even.hidden = result.evenNote === null;
    }
    if (dots) {
      dots.replaceChildren(
        ...quorumDots(input, result).map((dot) => {
          const element = document.createElement('span');
          element.className = quorumDotClass(dot);
          element.textContent = dot.mark;
          return element;
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
  update();
}

onMountRequest('cde-quorum-calculator', mount);
