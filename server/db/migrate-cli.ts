import { ConfigError, loadConfig } from '../config.ts'
import { openDatabase } from './database.ts'
import { migrateToLatest } from './migrate.ts'

/** `npm run db:migrate`: brings the configured database up to date (the server also does this at start). */
try {
  const config = loadConfig(process.env)
  const database = await openDatabase(config.database)
  try {
    const applied = await migrateToLatest(database.db)
    console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  } finally {
    await database.close()
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
