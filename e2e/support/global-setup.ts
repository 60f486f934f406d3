/**
 * Starts the suite's static servers, one per target build, on ports the OS chooses (listen on 0),
 * and publishes their URLs as environment variables, which the workers inherit; the returned
 * function stops them. Runs once per `playwright test`.
 */
import { startServer } from './servers.ts';
import { TARGETS } from './targets.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers = await Promise.all(TARGETS.map((target) => startServer(target.dist, target.base)));
  TARGETS.forEach((target, index) => {
    process.env[target.urlVariable] = servers[index]?.url;
  });
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
