import { defineConfig } from 'vitest/config';

// Gates on the built site (dist/ and dist-nested/): run after `npm run build` and `npm run build:nested`.
export default defineConfig({
  test: {
    include: ['tests/dist/**/*.test.ts'],
    testTimeout: 60_000,
    isolate: false,
  },
});
