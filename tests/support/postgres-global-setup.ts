// Vitest global setup of `npm run test:pg`: one cluster for the run, and a migrated template database that every
// test database is copied from (`create database … template`), so a test pays for a copy, not for the migrations.
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { connectDatabase, migrateToLatest } from '../../server/db/connect.js';
import { databaseUrl, startPostgres } from './postgres.js';
import { POSTGRES_TEMPLATE } from './postgres-databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgres();
  const admin = connectDatabase(cluster.url);
  try {
    await sql`create database ${sql.id(POSTGRES_TEMPLATE)}`.execute(admin);
  } finally {
    await admin.destroy();
  }
  const template = connectDatabase(databaseUrl(cluster.url, POSTGRES_TEMPLATE));
  try {
    await migrateToLatest(template);
  } finally {
    await template.destroy();
  }
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
