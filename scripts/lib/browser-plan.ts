/**
 * What `scripts/ensure-browser.ts` does when no Chromium is found, as a pure decision a test can
 * call: Debian's package where that can be installed (root on Debian), else Playwright's own.
 */

/** The facts about the machine the decision needs. */
export interface Machine {
  platform: NodeJS.Platform;
  /** The effective user id; undefined where the platform has none (Windows). */
  uid: number | undefined;
  /** The text of /etc/os-release, or '' where there is none. */
  osRelease: string;
}

export type BrowserPlan = 'debian-package' | 'playwright-download';

/** `ID` and `ID_LIKE` of an os-release file, lower case. */
export function distributionIds(osRelease: string): string[] {
  const ids: string[] = [];
  for (const line of osRelease.split('\n')) {
    const match = /^(ID|ID_LIKE)=("?)([^"\n]*)\2\s*$/.exec(line.trim());
    if (match?.[3]) ids.push(...match[3].toLowerCase().split(/\s+/));
  }
  return ids;
}

/**
 * Debian's `chromium` package when the machine is Debian (or a derivative that is not Ubuntu) and we
 * are root. Ubuntu is left to Playwright: its `chromium` package is only a transition to a snap,
 * which needs snapd and does not install in containers.
 */
export function planBrowserInstall(machine: Machine): BrowserPlan {
  const ids = distributionIds(machine.osRelease);
  const debian = machine.platform === 'linux' && ids.includes('debian') && !ids.includes('ubuntu');
  return debian && machine.uid === 0 ? 'debian-package' : 'playwright-download';
}
