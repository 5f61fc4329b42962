import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../platform/db/database.ts'
import { migrateToLatest } from '../platform/db/migrate.ts'
import { startLogCheck } from './log-check.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PostgreSQL database each test file copies with CREATE DATABASE ... TEMPLATE. */
    postgresTemplateDatabase: string
  }
}

/**
 * Migrating a PostgreSQL database takes seconds; copying a migrated one takes a fraction.
 * So the migrations run once per test run into a template, and each test file gets a copy
 * (server/test/test-database.ts). The template is dropped when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const finishLogCheck = startLogCheck(project)
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('The postgres test project needs TEST_DATABASE_URL')
  const name = `portal_template_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 })
  try {
    await migrateToLatest(database.db)
  } finally {
    // A template may have no open connections while it is being copied.
    await database.close()
  }
  project.provide('postgresTemplateDatabase', name)
  return async () => {
    await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`))
    finishLogCheck()
  }
}

export async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
