/**
 * Islands: parts of a page that work as static HTML and upgrade themselves with JavaScript once the
 * reader scrolls to them. The host element names its code in `data-island`: the URL of a module
 * built as a bundle of its own (the component imports it with Vite's `?worker&url`, which bundles it
 * apart and gives its URL; docs/QUALITY.md, "Islands"). A plain dynamic import would also work, but
 * the bundler would then put its preload helper, about 1 KB, on every page that has an island.
 *
 * The page's loader (IslandLoader.astro) calls `loadIsland` for each such element. When the element
 * comes near the viewport, it is marked `data-mount` and its code loaded (once per page; Vite builds
 * `?worker` bundles as self-contained IIFEs, its default `worker.format`); the code mounts every
 * marked element of its kind, at once and again on each `cde-island-mount` event (see
 * `onMountRequest`).
 */
export const MOUNT_EVENT = 'cde-island-mount';

/**
 * The loader side: when `element` comes within 200 px of the viewport, mark it and load its island
 * code (`data-island` is its URL), then ask the code to mount. Kept as small as it can be: it runs
 * on every page that has an island, inside the page's JavaScript budget.
 *
 * The code is added as a classic `<script src>` (once per URL), not `import()`ed: the bundles are
 * self-contained IIFEs either way, and only a classic script also runs from `file://`, where the
 * portable build is opened and browsers refuse module loads.
 */
export function loadIsland(element: HTMLElement): void {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      element.dataset['mount'] = '';
      const src = new URL(element.dataset['island'] ?? '', document.baseURI).href;
      const mount = (): boolean => document.dispatchEvent(new Event(MOUNT_EVENT));
      if ([...document.scripts].some((script) => script.src === src)) return void mount();
      const script = document.createElement('script');
      script.src = src;
      script.onload = mount;
      document.head.append(script);
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
