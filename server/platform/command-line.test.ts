import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../test/test-database.ts'
import { type CommandIo, defineCommand, failureText, runCommand } from './command-line.ts'
import { AppError, validationFailed } from './errors.ts'

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database.close())

type Work = Parameters<typeof defineCommand>[0]['run']

/** A command that greets someone, doing `work` on the database first. */
function greeter(work: Work = async () => '') {
  return defineCommand({
    usage: 'Usage: greet --name NAME [--loud]',
    options: { name: { type: 'string' }, loud: { type: 'boolean' } },
    required: ['name'],
    toInput: (values) => {
      if (values.name === 'nobody') throw new Error('--name must name somebody.')
      return { name: values.name!, loud: values.loud === true }
    },
    refusal: 'Not greeted',
    async run(db, config, input) {
      const done = await work(db, config, input)
      const greeting = `Hello ${input.name}`
      return `${done}${input.loud ? greeting.toUpperCase() : greeting}\n`
    },
  })
}

/** Runs on the test database (or another opener) and tells what was printed, and whether it closed. */
async function run(argv: string[], command = greeter(), io: Partial<CommandIo> = {}) {
  const out: string[] = []
  const err: string[] = []
  let opened = 0
  let closed = 0
  const exitCode = await runCommand(command, argv, {
    env: { NODE_ENV: 'test', EMBEDDED_DATA_DIR: 'memory://' },
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    openDatabase: async () => {
      opened++
      return { ...database, close: async () => void closed++ }
    },
    ...io,
  })
  return { exitCode, stdout: out.join(''), stderr: err.join(''), opened, closed }
}

describe('the command-line runner', () => {
  it('runs the command on the database and closes it: exit code 0', async () => {
    const result = await run(['--name', 'Anna', '--loud'], greeter(async (db) => {
      const { n } = await sql<{ n: number }>`select 2 + 2 as n`.execute(db).then((r) => r.rows[0]!)
      return `${n} `
    }))
    expect(result).toEqual({ exitCode: 0, stdout: '4 HELLO ANNA\n', stderr: '', opened: 1, closed: 1 })
  })

  it('prints the usage for --help and -h without opening the database', async () => {
    for (const flag of ['--help', '-h']) {
      expect(await run([flag])).toEqual({ exitCode: 0, stdout: 'Usage: greet --name NAME [--loud]\n', stderr: '', opened: 0, closed: 0 })
    }
  })

  it.each([
    [['--loud'], 'Missing: --name.'],
    [['--name', '   '], 'Missing: --name.'],
    [['--name', 'Anna', '--role', 'admin'], "Unknown option '--role'"],
    [['--name', 'Anna', 'extra'], "Unexpected argument 'extra'"],
    [['--name', 'nobody'], '--name must name somebody.'],
  ])('refuses %j with what is wrong and the usage: exit code 1', async (argv, message) => {
    const result = await run(argv)
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain(message)
    expect(result.stderr).toContain('Usage: greet')
    expect(result.opened).toBe(0)
  })

  it('says a refusal of the service in its own words and still closes the database', async () => {
    const result = await run(['--name', 'Anna'], greeter(async () => {
      throw validationFailed('the name is taken')
    }))
    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: 'Not greeted: the name is taken.\n', opened: 1, closed: 1 })
  })

  it('tells a database error by its SQLSTATE only: its message would quote the value', async () => {
    const result = await run(['--name', 'Anna'], greeter(async (db) => {
      await sql`select ${'999999999-geheim'}::uuid`.execute(db)
      return ''
    }))
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toBe('Not greeted: the database refused (SQLSTATE 22P02).\n')
    expect(result.closed).toBe(1)
  })

  it('tells a configuration problem as the server would', async () => {
    const result = await run(['--name', 'Anna'], greeter(), { env: { NODE_ENV: 'test', LOG_LEVEL: 'loud' } })
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^Invalid configuration:\n {2}LOG_LEVEL/)
    expect(result.opened).toBe(0)
  })

  // On PostgreSQL only: there the file's database is configured by URL and already migrated; a
  // fresh embedded database would spend some twenty seconds migrating.
  it.runIf(process.env.TEST_DB === 'postgres')('opens, migrates and closes the configured database by itself', async () => {
    const url = database.config.kind === 'postgres' ? database.config.url : ''
    const result = await run(['--name', 'Anna'], greeter(async (db) => {
      const rows = await db.selectFrom('organisation').select('id').execute()
      return `${rows.length} organisations; `
    }), { env: { NODE_ENV: 'test', DATABASE_URL: url, DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') }, openDatabase: undefined })
    expect(result).toMatchObject({ exitCode: 0, stderr: '' })
    expect(result.stdout).toMatch(/^\d+ organisations; Hello Anna\n$/)
  })
})

describe('failureText', () => {
  it('masks the password of a connection URL in an unexpected error', () => {
    const text = failureText('Not created', new Error('could not reach postgres://portal:s3cret-pw@db.internal:5432/portal'))
    expect(text).toContain('Not created: Error: could not reach postgres://portal:***@db.internal:5432/portal')
    expect(text).not.toContain('s3cret-pw')
  })

  it('tells an internal AppError as unexpected, with its stack', () => {
    expect(failureText('Not created', new AppError('internal', 'boom'))).toMatch(/^Not created: AppError/)
  })
})
