import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Config } from '../../config.ts'

/**
 * The key for field encryption: from DATA_ENCRYPTION_KEY, or, for the embedded database
 * only, a key generated once and kept beside the data folder (mode 0600). An in-memory
 * embedded database gets a fresh key each time.
 */
export function loadEncryptionKey(config: Pick<Config, 'dataEncryptionKey' | 'database'>): Buffer {
  if (config.dataEncryptionKey) return Buffer.from(config.dataEncryptionKey, 'base64')
  if (config.database.kind !== 'embedded') throw new Error('DATA_ENCRYPTION_KEY is required with PostgreSQL.')
  if (config.database.dataDir.startsWith('memory://')) return randomBytes(32)

  const keyPath = `${resolve(config.database.dataDir)}.key`
  try {
    return Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'base64')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const key = randomBytes(32)
  writeFileSync(keyPath, key.toString('base64'), { flag: 'wx', mode: 0o600 })
  return key
}
