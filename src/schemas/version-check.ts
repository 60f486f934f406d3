import { z } from 'astro/zod';

/**
 * One product and the versions an article's statements about it hold for: what the lab ran and
 * measured, or which documentation, release notes or source code the text was checked against.
 * Rendered near the top of the article (src/components/VersionChecks.astro).
 */
export const versionCheckSchema = z.strictObject({
  /** The product as its project spells it: "Patroni", "etcd", "PostgreSQL", "HAProxy". */
  system: z.string().min(2),
  /** The versions, as a reader compares them with their own: "3.0.2", "4.0 and 4.1", "15". */
  versions: z.string().min(1).max(40),
  /**
   * `measured`: run on the lab's real cluster (the versions its test records); `documented`: checked
   * against that version's documentation, release notes or source code.
   */
  basis: z.enum(['measured', 'documented'], {
    error: 'must be "measured" (run on the lab\'s cluster) or "documented" (checked against its documentation)',
  }),
  /** Optional, a few words on where: "the lab's cluster test", "release notes". */
  note: z.string().min(3).max(60).optional(),
});

export type VersionCheck = z.infer<typeof versionCheckSchema>;
