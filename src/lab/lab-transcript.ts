/**
 * Picks commands out of the cluster test's transcript (bench-results/lab-transcript.json) for the
 * lab article, and fails the build loudly when the file or a step is missing. Pure: the component
 * (src/components/LabTranscript.astro) reads the file.
 */
import { labTranscriptSchema, type LabTranscript, type LabTranscriptEntry } from '../schemas/lab-transcript.ts';

export const TRANSCRIPT_FILE = 'bench-results/lab-transcript.json';
const HINT = `run \`npm run test:cluster\` (Linux, root; it writes ${TRANSCRIPT_FILE}) and commit the file`;

export class LabTranscriptError extends Error {
  override name = 'LabTranscriptError';
}

/** Validates the file's content; `raw` is undefined when the file does not exist. */
export function parseTranscript(raw: unknown): LabTranscript {
  if (raw === undefined) throw new LabTranscriptError(`${TRANSCRIPT_FILE} is missing: ${HINT}.`);
  const result = labTranscriptSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new LabTranscriptError(
      `${TRANSCRIPT_FILE}: ${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'invalid'}. Fix: ${HINT}.`,
    );
  }
  return result.data;
}

/**
 * The entries of one step, all or only the ids given, in the order recorded. An unknown step or
 * id fails with the ones that exist.
 */
export function pickEntries(
  transcript: LabTranscript,
  step: string,
  ids: readonly string[] | undefined,
  where: string,
): LabTranscriptEntry[] {
  const entries = transcript.steps[step];
  if (!entries) {
    throw new LabTranscriptError(
      `${where}: <LabTranscript step="${step}">: no such step in ${TRANSCRIPT_FILE}. Steps: ${Object.keys(transcript.steps).join(', ')}.`,
    );
  }
  if (!ids) return entries;
  const missing = ids.filter((id) => !entries.some((e) => e.id === id));
  if (missing.length > 0) {
    throw new LabTranscriptError(
      `${where}: <LabTranscript step="${step}" show="${ids.join(',')}">: no ${missing.join(', ')} in that step. It has: ${entries.map((e) => e.id).join(', ')}.`,
    );
  }
  return entries.filter((e) => ids.includes(e.id));
}

/** A shell session: `$ command`, its output, a blank line between commands. */
export function sessionText(entries: readonly LabTranscriptEntry[]): string {
  return entries.map((e) => (e.output ? `$ ${e.command}\n${e.output}` : `$ ${e.command}`)).join('\n\n');
}
