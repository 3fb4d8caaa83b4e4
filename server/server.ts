import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createPlatform } from './platform.ts';
import { createApp } from './app.ts';
import { installShipped } from './seed/install-shipped.ts';
import { seedDemo } from './seed/seed-demo.ts';
import type { Config } from './config.ts';

/** Starts the whole platform: schema, shipped flows and forms, demo data, job workers, HTTP. */
export async function startServer(config: Config, logger: Logger) {
  const platform = await createPlatform(config, logger);
  await installShipped(platform);
  const seeded = config.seedDemo ? await seedDemo(platform) : false;
  await platform.engine.startWorkers();
  await platform.cycles.resumeLaunches();
  const app = createApp(platform);
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  return {
    url,
    seeded,
    platform,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await platform.close();
    },
  };
}
