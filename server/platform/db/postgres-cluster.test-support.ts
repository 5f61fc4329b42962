import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throw-away PostgreSQL cluster of its own (initdb into a temporary folder, another port), so
 * a test can stop and start it at will. The shared server on 5432 is never touched.
 */
export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, local only). */
  url: (database?: string) => string
  port: number
  /** pg_ctl start, waiting until it accepts connections. */
  start: () => void
  /** pg_ctl stop -m immediate: every backend killed at once, as in a crash or failover. */
  stopImmediately: () => void
  /** Stops it (if running) and deletes its folder. */
  remove: () => void
}

/** The folder with initdb and pg_ctl (newest PostgreSQL under /usr/lib/postgresql, else pg_config's). */
export function findPostgresBinaries(): string | undefined {
  const candidates: string[] = []
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((version) => `/usr/lib/postgresql/${version}/bin`))
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
  } catch {
    // No pg_config on the PATH: only the Debian layout above.
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
}

export async function createPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'portal-restart-pg-'))
  // PostgreSQL refuses to run as root: then the cluster belongs to the postgres OS user.
  const asRoot = process.getuid?.() === 0
  const owner = asRoot ? ownerIds('postgres') : undefined
  if (owner) chownSync(dir, owner.uid, owner.gid)
  const run = (program: string, args: string[]) => {
    const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(binDir, program), ...args]] : [join(binDir, program), args]
    execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
  }
  const dataDir = join(dir, 'data')
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // Speed over surviving an operating-system crash (which no test does). Commits stay
    // synchronous: with synchronous_commit=off an immediate stop loses the last ones.
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ')
  let running = false
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'])
  const cluster: PostgresCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      run('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', '-t', '30', 'start'])
      running = true
    },
    stopImmediately() {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      running = false
    },
    remove() {
      try {
        if (running) cluster.stopImmediately()
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
  return cluster
}

function ownerIds(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
