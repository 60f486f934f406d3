import { describe, expect, it } from 'vitest';
import { distributionIds, planBrowserInstall } from '../../scripts/lib/browser-plan.ts';

const DEBIAN_12 = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
const UBUNTU_24 = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

describe('distributionIds', () => {
  it('reads ID and the words of ID_LIKE, quoted or not', () => {
    expect(distributionIds(MINT)).toEqual(['linuxmint', 'ubuntu', 'debian']);
  });
});

describe('planBrowserInstall', () => {
  it('installs Debian’s package as root on Debian', () => {
    expect(planBrowserInstall({ platform: 'linux', uid: 0, osRelease: DEBIAN_12 })).toBe('debian-package');
  });

  it('leaves Debian to Playwright without root, since apt-get would fail', () => {
    expect(planBrowserInstall({ platform: 'linux', uid: 1000, osRelease: DEBIAN_12 })).toBe('playwright-download');
  });

  it('leaves Ubuntu and its derivatives to Playwright: their chromium package is a snap', () => {
    expect(planBrowserInstall({ platform: 'linux', uid: 0, osRelease: UBUNTU_24 })).toBe('playwright-download');
    expect(planBrowserInstall({ platform: 'linux', uid: 0, osRelease: MINT })).toBe('playwright-download');
  });

  it('leaves other systems to Playwright', () => {
    expect(planBrowserInstall({ platform: 'linux', uid: 0, osRelease: FEDORA })).toBe('playwright-download');
    expect(planBrowserInstall({ platform: 'darwin', uid: 501, osRelease: '' })).toBe('playwright-download');
  });
});
