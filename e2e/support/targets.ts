/**
 * The builds the suite checks. Their servers are started by e2e/support/global-setup.ts on ports
 * the OS chooses, which it hands to the workers through the environment variable named here: a
 * fixed or derived port could already be held by any other connection on the machine.
 */
export const TARGETS = [
  { name: 'root', dist: 'dist', base: '/', urlVariable: 'CDE_E2E_ROOT_URL' },
  { name: 'nested', dist: 'dist-nested', base: '/nested/path/', urlVariable: 'CDE_E2E_NESTED_URL' },
] as const;

export type Target = (typeof TARGETS)[number];

/** The target's server URL, once global setup has started it (a placeholder before that). */
export function targetUrl(target: Target): string {
  return process.env[target.urlVariable] ?? `http://127.0.0.1/${target.name}-not-started-yet${target.base}`;
}
