import { resolve } from 'node:path';
import { log } from '../logger.js';
import { backupDatabase } from './backup.js';

/**
 * `npm run backup -- <destination>`: an online copy of the SQLite database named by DATABASE_URL (as the server reads
 * it), safe while the server runs. Restoring is stopping the server, putting the copy in the database's place, and
 * starting it (docs/operations.md).
 */
async function main(args: string[]): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/app.db';
  const file = /^sqlite:(.+)$/.exec(url)?.[1];
  if (!file || file === ':memory:')
    throw new Error(`npm run backup copies a SQLite file; DATABASE_URL is "${url.replace(/\/\/.*@/, '//…@')}"`);
  const [destination] = args;
  if (!destination || args.length !== 1) throw new Error('usage: npm run backup -- <destination file>');
  const { pages } = await backupDatabase(file, resolve(destination));
  log.info(`Backed up ${file} to ${resolve(destination)} (${pages} pages).`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  log.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
