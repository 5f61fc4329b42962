import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { PGlite } from '@electric-sql/pglite'
import { buildApp } from '../server/app.ts'
import { loadConfig } from '../server/config.ts'
import { createFieldCipher } from '../server/platform/crypto/field-encryption.ts'
import { kyselyOverPglite } from '../server/platform/db/database.ts'
import { migrateToLatest } from '../server/platform/db/migrate.ts'
import { pgliteExtensions } from '../server/platform/db/pglite-extensions.ts'

function cpu(label: string, start: NodeJS.CpuUsage, wall: number) {
  const u = process.cpuUsage(start)
  console.log(label, 'cpu ms', Math.round((u.user + u.system) / 1000), 'wall ms', Math.round(performance.now() - wall))
}
let s = process.cpuUsage(); let w = performance.now()
const pglite = await PGlite.create({ extensions: pgliteExtensions })
const db = kyselyOverPglite(pglite)
await migrateToLatest(db)
cpu('pglite create+migrate', s, w)
const dump = await pglite.dumpDataDir('none')
s = process.cpuUsage(); w = performance.now()
const p2 = await PGlite.create({ loadDataDir: dump, extensions: pgliteExtensions })
cpu('pglite load template', s, w)
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', WEB_DIST_DIR: './web/dist' })
for (let i = 0; i < 4; i++) {
  s = process.cpuUsage(); w = performance.now()
  const app = await buildApp({ config: { ...config, database: { kind: 'embedded', dataDir: 'memory://' } }, db: kyselyOverPglite(p2), clock: () => new Date(), cipher: createFieldCipher(randomBytes(32)), logStream: new Writable({ write(_c, _e, d) { d() } }) })
  cpu('buildApp ' + i, s, w)
  s = process.cpuUsage(); w = performance.now()
  await app.ready()
  cpu('ready ' + i, s, w)
  await app.close()
}
