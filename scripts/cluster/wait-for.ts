/**
 * Bounded waiting. Every wait in the harness has a deadline and a message
 * that says what it waited for, so a broken cluster fails in seconds with a
 * reason instead of hanging CI.
 */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class WaitTimeout extends Error {}

/**
 * Calls `probe` every `intervalMs` until it returns a value other than
 * undefined, or throws WaitTimeout after `timeoutMs`. `describe` explains the
 * last state seen, for the error message.
 */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  options: { intervalMs?: number; describe?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) {
      const state = options.describe?.() ?? lastError;
      throw new WaitTimeout(
        `timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${state ? ` (last seen: ${state})` : ''}`,
      );
    }
    await sleep(options.intervalMs ?? 500);
  }
}
