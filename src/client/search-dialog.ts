/**
 * The search dialog's behaviour: the `<cde-search>` element around the dialog. SearchDialog.astro
 * loads this file on first use only; once defined, the element's `open()` shows the dialog. It
 * loads Pagefind's browser API from the `pagefind/` folder under the site's base URL, searches as
 * the reader types, and lists each matching page with its matching sections and excerpts.
 */
import { canRunSearch, searchUnavailableMessage } from './offline-support.ts';
import { describeResults, splitExcerpt, toPageMatch, type PageMatch, type PagefindResultData } from './search-ui.ts';

interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_PAGES = 10;
const DEBOUNCE_MS = 150;

let pagefind: Promise<Pagefind> | undefined;
let wired = false;

/** Pagefind's API from `<base>pagefind/pagefind.js`; the base comes from the page, never hard-coded. */
function loadPagefind(dialog: HTMLDialogElement): Promise<Pagefind> {
  const base = new URL(dialog.closest<HTMLElement>('[data-base]')?.dataset['base'] ?? '/', document.baseURI);
  return (async () => {
    const module = (await import(/* @vite-ignore */ new URL('pagefind/pagefind.js', base).href)) as Pagefind;
    await module.options({ baseUrl: base.pathname, excerptLength: 24 });
    await module.init();
    return module;
  })();
}

class SearchElement extends HTMLElement {
  /** Shows the dialog (if the opener has not already) and gets search ready. */
  open(opener: HTMLElement | null): void {
    const dialog = this.querySelector('dialog');
    if (dialog) openSearch(dialog, opener);
  }
}
customElements.define('cde-search', SearchElement);

function openSearch(dialog: HTMLDialogElement, opener: HTMLElement | null): void {
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]');
  const status = dialog.querySelector<HTMLElement>('[data-cde-search-status]');
  const list = dialog.querySelector<HTMLOListElement>('ol');
  if (!input || !status || !list) return;
  if (!wired) wire(dialog, input, status, list);
  wired = true;
  restoreFocusTo = opener;
  if (!dialog.open) {
    dialog.showModal();
    input.focus();
    input.select();
  }
  if (!canRunSearch(location)) {
    offerIndex(status, list, searchUnavailableMessage('file'));
    return;
  }
  if (!pagefind) {
    status.textContent = 'Loading search…';
    pagefind = loadPagefind(dialog);
    pagefind.then(
      () => {
        status.textContent = input.value.trim() ? status.textContent : 'Search is ready. Type a word to search.';
        if (input.value.trim()) void run(input, status, list);
      },
      () => {
        offerIndex(status, list, searchUnavailableMessage('failed'));
        pagefind = undefined;
      },
    );
  }
}

let restoreFocusTo: HTMLElement | null = null;
let following = false;
let latest = 0;

function wire(dialog: HTMLDialogElement, input: HTMLInputElement, status: HTMLElement, list: HTMLOListElement): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input, status, list), DEBOUNCE_MS);
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      const box = dialog.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (!inside) dialog.close();
    }
  });
  dialog.addEventListener('keydown', (event) => {
    // A search field would take the first Escape to clear itself; here Escape always closes.
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const stops = [input, ...list.querySelectorAll<HTMLAnchorElement>('a')];
    const index = stops.indexOf(document.activeElement as HTMLInputElement);
    if (index < 0 || stops.length < 2) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? Math.min(index + 1, stops.length - 1) : Math.max(index - 1, 0);
    stops[next]?.focus();
  });
  // Following a result: close without pulling focus back to the opener, which would scroll
  // away from a section of the current page.
  list.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('a')) return;
    following = true;
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    if (!following) restoreFocusTo?.focus();
    following = false;
  });
}

async function run(input: HTMLInputElement, status: HTMLElement, list: HTMLOListElement): Promise<void> {
  const query = input.value.trim();
  const ticket = ++latest;
  if (!pagefind) return;
  if (query === '') {
    list.replaceChildren();
    status.textContent = 'Type a word to search.';
    return;
  }
  const api = await pagefind;
  const search = await api.search(query);
  const pages = await Promise.all(search.results.slice(0, MAX_PAGES).map((result) => result.data()));
  // A slower, older search must not overwrite a newer one.
  if (ticket !== latest) return;
  list.replaceChildren(...pages.map((data) => renderPage(toPageMatch(data, query))));
  status.textContent = describeResults(search.results.length, query);
}

/** When search cannot run: say so, and link the article index (the same page the opener links to). */
function offerIndex(status: HTMLElement, list: HTMLOListElement, message: string): void {
  status.textContent = message;
  const href = document.querySelector('[data-cde-search-open]')?.getAttribute('href');
  if (!href) return;
  const item = document.createElement('li');
  item.append(link('All articles and glossary terms', href));
  list.replaceChildren(item);
}

function renderPage(match: PageMatch): HTMLLIElement {
  const item = document.createElement('li');
  item.append(link(match.title, match.url));
  if (match.sections.length === 0) {
    item.append(excerpt(match.excerpt));
    return item;
  }
  const sections = document.createElement('ul');
  for (const section of match.sections) {
    const entry = document.createElement('li');
    entry.append(link(section.title, section.url), excerpt(section.excerpt));
    sections.append(entry);
  }
  item.append(sections);
  return item;
}

function link(text: string, href: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

function excerpt(text: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  for (const part of splitExcerpt(text)) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      paragraph.append(mark);
    } else {
      paragraph.append(part.text);
    }
  }
  return paragraph;
}
