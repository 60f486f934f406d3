import { z } from 'astro/zod';

/** One command a reader types, as shown, and what it printed on the lab's real cluster. */
const transcriptEntrySchema = z.strictObject({
  /** Names the command within its step: "list", "leader-key", "lease", "rest", "kill", "switchover". */
  id: z.string().regex(/^[a-z][a-z-]*$/, 'must be a short kebab-case name'),
  /** The command line as the reader types it (the lab's paths, never the test's temporary ones). */
  command: z.string().min(3),
  /** What it printed, trimmed; empty for a command whose effect the harness produced itself. */
  output: z.string(),
});

/**
 * bench-results/lab-transcript.json, written by `npm run test:cluster` when a run passes
 * (scripts/cluster/transcript.ts) and shown by the lab article through LabTranscript.astro.
 */
export const labTranscriptSchema = z.strictObject({
  /** When the cluster test ran (ISO 8601). */
  measuredAt: z.iso.datetime(),
  /** The programs' versions as the test found them: etcd, patroni, postgresql, haproxy. */
  versions: z.record(z.string(), z.string()),
  /** The recorded commands by step of the test: healthy, failover, rejoin, switchover. */
  steps: z.record(z.string(), z.array(transcriptEntrySchema).min(1)),
});

export type LabTranscript = z.infer<typeof labTranscriptSchema>;
export type LabTranscriptEntry = z.infer<typeof transcriptEntrySchema>;
