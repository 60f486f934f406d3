/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config, so component tests can use the container API and `astro:*` modules.
export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Gates on the built site run after the build, with vitest.dist.config.ts (npm run test:dist).
    exclude: ['tests/dist/**', '**/node_modules/**'],
    // Fixture builds run real Astro builds in child processes; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
