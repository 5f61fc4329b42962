import { pathToFileURL } from 'node:url'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { type Config, ConfigError, loadConfig } from '../config.ts'
import { isDatabaseError } from './db/connection-errors.ts'
import { type Db, type OpenDatabase, openDatabase } from './db/database.ts'
import { migrateToLatest } from './db/migrate.ts'
import { AppError } from './errors.ts'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type Values<Options extends OptionsConfig> = ReturnType<typeof parseArgs<{ options: Options; strict: true; allowPositionals: false }>>['values']

/**
 * One administrator's command (`npm run account:create`, `npm run integration:create`): its
 * options, how they become the service's input, and what it does with the database.
 */
export interface Command<Options extends OptionsConfig, Input> {
  /** Printed for --help, and after a usage error. */
  usage: string
  /** Its options for `node:util` parseArgs (`--help`/`-h` is added); an unknown one is a usage error. */
  options: Options
  /** Options that must be given and not blank. */
  required: readonly (keyof Options & string)[]
  /** The parsed options as the service's input; throws an Error whose message says what is wrong. */
  toInput(values: Values<Options>): Input
  /** The first words of a refusal: "Not created". */
  refusal: string
  /**
   * Does the work on the migrated database the server is configured for and returns what to
   * print. A secret in it (a password, a client secret) goes straight to the terminal, never
   * through the logger.
   */
  run(db: Db, config: Config, input: Input): Promise<string>
}

/** A command, its option types read from the literal (so `values.name` is a string). */
export function defineCommand<const Options extends OptionsConfig, Input>(command: Command<Options, Input>): Command<Options, Input> {
  return command
}

/** The command's options as given; a missing, blank or unknown option throws. */
export function parseCommandArguments<Options extends OptionsConfig, Input>(command: Command<Options, Input>, argv: string[]): Input | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  })
  if ((values as { help?: boolean }).help) return 'help'
  const given = values as Record<string, string | boolean | (string | boolean)[] | undefined>
  const missing = command.required.filter((name) => {
    const value = given[name]
    return typeof value !== 'string' || !value.trim()
  })
  if (missing.length > 0) throw new Error(`Missing: ${missing.map((name) => `--${name}`).join(', ')}.`)
  return command.toInput(values as Values<Options>)
}

export interface CommandIo {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** The database to work on; by default the configured one, brought up to date first. */
  openDatabase?: (config: Config) => Promise<OpenDatabase>
}

/**
 * The only command-line runner: parses, opens the database the server is configured for
 * (DATABASE_URL, or the embedded database, which must not be in use by a running server at
 * the same time), runs, closes. Exit code 0 when done, 1 with a message on stderr otherwise.
 */
export async function runCommand<Options extends OptionsConfig, Input>(command: Command<Options, Input>, argv: string[], io: CommandIo): Promise<number> {
  let input: Input | 'help'
  try {
    input = parseCommandArguments(command, argv)
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${command.usage}\n`)
    return 1
  }
  if (input === 'help') {
    io.stdout(`${command.usage}\n`)
    return 0
  }
  let database: OpenDatabase | undefined
  try {
    const config = loadConfig(io.env)
    database = await (io.openDatabase ?? openMigrated)(config)
    io.stdout(await command.run(database.db, config, input))
    return 0
  } catch (error) {
    io.stderr(`${failureText(command.refusal, error)}\n`)
    return 1
  } finally {
    await database?.close()
  }
}

async function openMigrated(config: Config): Promise<OpenDatabase> {
  const database = await openDatabase(config.database)
  try {
    await migrateToLatest(database.db)
  } catch (error) {
    await database.close()
    throw error
  }
  return database
}

/**
 * What went wrong, without secrets: a database error's message and detail can quote the value
 * refused (a BSN, an e-mail address), so only its SQLSTATE and constraint are told; a
 * connection URL's password is masked wherever it appears.
 */
export function failureText(refusal: string, error: unknown): string {
  if (error instanceof ConfigError) return error.message
  if (error instanceof AppError && error.code !== 'internal') return `${refusal}: ${error.detail ?? error.code}.`
  if (isDatabaseError(error)) {
    return `${refusal}: the database refused (SQLSTATE ${error.code}${error.constraint ? `, constraint ${error.constraint}` : ''}).`
  }
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
  return `${refusal}: ${maskPasswords(text)}`
}

/** `postgres://user:secret@host` → `postgres://user:***@host`. */
function maskPasswords(text: string): string {
  return text.replace(/(\/\/[^\s:/@]*:)[^\s@/]*@/g, '$1***@')
}

/** Runs the command when its file is the one Node started (tests import the file without running it). */
export async function runAsMain<Options extends OptionsConfig, Input>(moduleUrl: string, command: Command<Options, Input>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return
  process.exitCode = await runCommand(command, process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  })
}
