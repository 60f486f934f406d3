import { defineConfig } from 'vitest/config';

// Minimal on purpose: the lead merges this with the site's own test setup.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
  },
});
