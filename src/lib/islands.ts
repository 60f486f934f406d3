/**
 * Loads an island's code when its element comes near the viewport, and only then: pages ship just
 * this small loader, and the island's own JavaScript arrives when the reader scrolls to it.
 * Without IntersectionObserver (very old browsers) it loads at once.
 */
export function onVisible(element: Element, load: () => void, margin = '0px 0px 200px 0px'): void {
  if (!('IntersectionObserver' in window)) {
    load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: margin },
  );
  observer.observe(element);
}
