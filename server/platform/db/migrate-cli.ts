import { ConfigError, loadConfig } from '../../config.ts'
import { migrateDatabase } from './database-roles.ts'

/**
 * `npm run db:migrate`: brings the database up to date as the owner role (MIGRATION_DATABASE_URL,
 * else DATABASE_URL, else the embedded database), then grants DATABASE_RUNTIME_ROLE its privileges.
 */
try {
  const config = loadConfig(process.env)
  const applied = await migrateDatabase(config)
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.')
  if (config.databaseRuntimeRole) console.log(`Privileges granted to the runtime role "${config.databaseRuntimeRole}".`)
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
}
