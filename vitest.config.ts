import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The Chromium render test launches a browser; give it time on a 2-core machine.
    testTimeout: 30_000,
  },
});
