/**
 * Islands: parts of a page that work as static HTML and upgrade themselves with JavaScript once the
 * reader scrolls to them. The host element names its code in `data-island`: the URL of a module
 * built as a bundle of its own (the component imports it with Vite's `?worker&url`, which bundles it
 * apart and gives its URL; docs/QUALITY.md, "Islands"). A plain dynamic import would also work, but
 * the bundler would then put its preload helper, about 1 KB, on every page that has an island.
 *
 * The page's loader (IslandLoader.astro) calls `loadIsland` for each such element. When the element
 * comes near the viewport, it is marked `data-mount` and its module imported (once per page: the
 * browser keeps modules); the module mounts every marked element of its kind, at once and again on
 * each `cde-island-mount` event (see `onMountRequest`).
 */
export const MOUNT_EVENT = 'cde-island-mount';

/**
 * The loader side: when `element` comes within 200 px of the viewport, mark it and import its
 * island module (`data-island` is a root-relative URL), then ask the module to mount. Kept as small
 * as it can be: it runs on every page that has an island, inside the page's JavaScript budget.
 */
export function loadIsland(element: HTMLElement): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      element.dataset['mount'] = '';
      void import(/* @vite-ignore */ element.dataset['island'] ?? '').then(() =>
        document.dispatchEvent(new Event(MOUNT_EVENT)),
      );
    },
    { rootMargin: '0px 0px 200px 0px' },
  );
  observer.observe(element);
}

/** The island side: mount every element matching `selector` that asked for it and is not mounted yet. */
export function onMountRequest(selector: string, mount: (root: HTMLElement) => void): void {
  const mountRequested = (): void => {
    for (const root of document.querySelectorAll<HTMLElement>(`${selector}[data-mount]:not([data-ready])`)) {
      root.dataset['ready'] = 'true';
      mount(root);
    }
  };
  document.addEventListener(MOUNT_EVENT, mountRequested);
  mountRequested();
}
