/**
 * The sentence an article shows about the versions it was measured on or checked against, built from
 * its `checkedWith` frontmatter (src/schemas/version-check.ts). Pure, so it is tested directly.
 */
import type { VersionCheck } from '../schemas/version-check.ts';

export interface VersionSummary {
  /** "Patroni 3.0.2, etcd 3.4.23 (the lab's cluster test)", or null when nothing was measured. */
  readonly measured: string | null;
  /** "Patroni 4.0 and 4.1 (release notes), etcd 3.5 and 3.6", or null. */
  readonly documented: string | null;
}

function list(checks: readonly VersionCheck[]): string | null {
  if (checks.length === 0) return null;
  // Commas only: versions often contain "and" themselves ("4.0 and 4.1").
  return checks.map((c) => `${c.system} ${c.versions}${c.note ? ` (${c.note})` : ''}`).join(', ');
}

/** Splits the checks by basis, keeping the order the author wrote them in. */
export function summarizeVersionChecks(checks: readonly VersionCheck[]): VersionSummary {
  return {
    measured: list(checks.filter((c) => c.basis === 'measured')),
    documented: list(checks.filter((c) => c.basis === 'documented')),
  };
}

/** The whole sentence in plain text, as the page shows it (without the link to newer versions). */
export function versionSentence(checks: readonly VersionCheck[]): string | null {
  const { measured, documented } = summarizeVersionChecks(checks);
  const parts = [
    measured ? `measured on ${measured}` : null,
    documented ? `checked against the documentation of ${documented}` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return `Versions: ${parts.join('; ')}.`;
}
