/**
 * Records what the reader's commands (reader-commands.ts) print on the real cluster, step by step,
 * so the lab article can show captured output instead of output typed by hand. The cluster test
 * writes the record to bench-results/lab-transcript.json (schema: src/schemas/lab-transcript.ts).
 */
import type { ReaderCommand } from './reader-commands.ts';
import { runCommand } from './run-command.ts';

export interface TranscriptEntry {
  readonly id: string;
  readonly command: string;
  readonly output: string;
}

export class Transcript {
  readonly steps: Record<string, TranscriptEntry[]> = {};

  /** Runs the command (bounded: patronictl and etcdctl wait forever for an unreachable etcd) and records it. */
  async run(step: string, id: string, cmd: ReaderCommand, timeoutMs = 15_000): Promise<string> {
    const result = await runCommand(cmd.file, cmd.args, { timeoutMs });
    if (result.timedOut) throw new Error(`${cmd.shown} did not answer within ${timeoutMs / 1000} s`);
    if (!result.ok) throw new Error(`${cmd.shown} failed: ${(result.stderr || result.stdout).trim()}`);
    const output = result.stdout.trimEnd();
    (this.steps[step] ??= []).push({ id, command: cmd.shown, output });
    return output;
  }

  /**
   * Records a command the harness did not run as such: a kill it performed by PID, or `npm run
   * lab -- …`, whose lines it composed from its own measurements (lab-narration.ts).
   */
  note(step: string, id: string, shown: string, output = ''): void {
    (this.steps[step] ??= []).push({ id, command: shown, output });
  }
}
