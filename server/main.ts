import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { connectDatabase, migrateToLatest } from './db/connect.js';
import { seedDemoData } from './seed/seed-demo.js';

/** Start-up: configuration, database, demo data, HTTP. Stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = connectDatabase(config.databaseUrl);
  await migrateToLatest(db);
  if (config.seedDemo && (await seedDemoData(db, new Date()))) console.log('Seeded demo data (see README for the demo logins).');

  const app = createApp({ db, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Book your services is listening on ${config.appUrl} (port ${info.port})`);
  });

  const shutdown = () => {
    server.close(async () => {
      await db.destroy();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
