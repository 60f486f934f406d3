/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so component tests can use the container API and `astro:*` modules.
export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          // Pure functions, fixtures and components: seconds, for the inner loop (npm run test:unit).
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          // Gates on the built site run after the build, with vitest.dist.config.ts (npm run test:dist).
          exclude: ['tests/**/*.integration.test.ts', 'tests/dist/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          // Real Astro builds of fixture sites, a Chromium render, the system tar, child processes.
          name: 'integration',
          include: ['tests/**/*.integration.test.ts'],
          // Fixture builds run real Astro builds in child processes; give them room on 2 cores.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
