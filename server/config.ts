import { availableParallelism } from 'node:os'
import { Type, type Static } from 'typebox'
import Value from 'typebox/value'

/**
 * Every environment variable the server reads, with its meaning and default.
 * The README's configuration table is generated from these descriptions by hand;
 * keep both in step. Invalid configuration stops the server at start-up.
 */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
    description: 'development, production or test. Production refuses the embedded database. Development conveniences (mailbox, console SMS text) need demo mode: embedded database, no SMTP_URL, console SMS and not production.',
  }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Address to listen on; 0.0.0.0 behind a load balancer.' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on.' }),
  PUBLIC_BASE_URL: Type.String({
    default: 'http://localhost:3000',
    pattern: '^https?://[^/?#]+$',
    description: 'The URL people use to reach the portal, without a trailing slash. Links in e-mails are built from it, never from the Host header.',
  }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL connection string. Without it the embedded database (PGlite) is used. Setting it ends demo mode (no development mailbox).' }),
  ),
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10, description: 'PostgreSQL connections per app instance.' }),
  MIGRATION_DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description: 'PostgreSQL connection string of the owner role that migrates the schema (npm run db:migrate; at start when the server has it). Without it DATABASE_URL migrates (one role: development only).',
    }),
  ),
  DATABASE_RUNTIME_ROLE: Type.Optional(
    Type.String({
      pattern: '^[a-z_][a-z0-9_]{0,62}$',
      description: "The least-privileged role of DATABASE_URL: after migrating, the owner grants it DML on the tables but only SELECT and INSERT on the access log. Production refuses to serve as a superuser or the tables' owner.",
    }),
  ),
  EMBEDDED_DATA_DIR: Type.String({
    default: './data/pglite',
    description: 'Folder of the embedded database. memory:// keeps it in memory (tests).',
  }),
  DATA_ENCRYPTION_KEY: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9+/]{43}=$',
      description: '32 random bytes, base64 (openssl rand -base64 32). Encrypts BSN and bank account at rest. Required with DATABASE_URL; the embedded database keeps a generated key beside its data.',
    }),
  ),
  SEED_DEMO_DATA: Type.Union([Type.Literal('auto'), Type.Literal('never')], {
    default: 'auto',
    description: 'auto: fill an empty embedded database with demo data at start. never: do not.',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info', description: 'pino log level.' },
  ),
  TRUST_PROXY: Type.String({
    default: '',
    description: 'Proxies whose X-Forwarded-For is believed: empty (none), comma-separated addresses/CIDRs, or a hop count (warned about at start: spoofable when the count is wrong).',
  }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024, default: 1024 * 1024, description: 'Body limit of the FHIR API routes that set none of their own. The /api routes have their own limits: 64 KiB, more only on upload routes for the staff role that uploads.' }),
  WEB_DIST_DIR: Type.String({ default: './web/dist', description: 'Folder with the built web app (npm run build).' }),
  SMTP_URL: Type.Optional(
    Type.String({
      pattern: '^smtps?://',
      description: 'SMTP server for e-mail, e.g. smtps://user:password@smtp.example.org:465. Required in production; there smtp:// is accepted only with ?requireTLS=true (STARTTLS required). Without it e-mail is only logged (recipient and subject, never the body). Setting it ends demo mode.',
    }),
  ),
  MAIL_FROM: Type.Optional(
    Type.String({ minLength: 3, description: 'Sender of e-mail, e.g. "Zorggroep Noord <portaal@zorggroepnoord.nl>". Required with SMTP_URL.' }),
  ),
  SMS_PROVIDER: Type.Optional(
    Type.Union([Type.Literal('console'), Type.Literal('webhook'), Type.Literal('cm')], {
      description: 'How SMS is sent: cm (CM.com), webhook (your own gateway) or console (logs that an SMS went out; the text only in demo mode). Default console with the embedded database; the server requires it with DATABASE_URL and in production, where console is refused. cm or webhook ends demo mode.',
    }),
  ),
  SMS_WEBHOOK_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'With SMS_PROVIDER=webhook: where {id,to,text} is POSTed as JSON. https in production.' }),
  ),
  SMS_WEBHOOK_SECRET: Type.Optional(
    Type.String({ minLength: 32, description: 'With SMS_PROVIDER=webhook: HMAC-SHA256 key for the X-Signature header (openssl rand -hex 32).' }),
  ),
  CM_PRODUCT_TOKEN: Type.Optional(
    Type.String({ pattern: '^[0-9A-Fa-f-]{36}$', description: 'With SMS_PROVIDER=cm: the CM.com product token.' }),
  ),
  CM_BASE_URL: Type.String({
    default: 'https://gw.messaging.cm.com',
    pattern: '^https?://[^?#]+$',
    description: "With SMS_PROVIDER=cm: CM.com's gateway; /v1.0/message is appended.",
  }),
  SMS_SENDER: Type.Optional(
    Type.String({
      pattern: '^([A-Za-z0-9 ]{1,11}|\\+?[0-9]{1,16})$',
      description: 'With SMS_PROVIDER=cm: the sender shown on the phone, at most 11 letters/digits or a 16-digit number.',
    }),
  ),
  OUTBOX_POLL_INTERVAL_MS: Type.Integer({
    minimum: 100,
    maximum: 60_000,
    default: 1000,
    description: 'How often the outbox worker looks for e-mail and SMS to send.',
  }),
  PASSWORD_HASH_CONCURRENCY: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 64,
      description: 'Passwords hashed (argon2id) at once by this instance; default half the CPU cores, at least 1. The other cores keep serving every other route while many people log in.',
    }),
  ),
  PASSWORD_HASH_QUEUE: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    default: 32,
    description: 'Logins and password changes that may wait for a hashing slot; past it the answer is 503 server_busy with Retry-After.',
  }),
  METRICS_PORT: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 65535, description: 'Serves GET /metrics (Prometheus text format) on this port of its own, never on the public port. Off without it.' }),
  ),
  METRICS_HOST: Type.String({ default: '127.0.0.1', description: 'Address of the /metrics listener: this machine only by default; an internal address for a Prometheus elsewhere.' }),
  VAPID_PUBLIC_KEY: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{87}$',
      description: 'Web push (Meldingen): the VAPID public key, base64url (npx web-push generate-vapid-keys). Set with VAPID_PRIVATE_KEY, or neither: then a pair is generated once and kept in the database, encrypted with DATA_ENCRYPTION_KEY.',
    }),
  ),
  VAPID_PRIVATE_KEY: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: 'Web push: the VAPID private key, base64url, with VAPID_PUBLIC_KEY. A secret: whoever holds it can push to every subscribed browser.' }),
  ),
  VAPID_SUBJECT: Type.Optional(
    Type.String({
      pattern: '^(mailto:[^@\\s]+@[^@\\s]+|https://\\S+)$',
      description: "Web push: how push services reach the organisation, mailto:beheer@example.org or an https URL. Default: PUBLIC_BASE_URL when that is https, else mailto:noreply@localhost.",
    }),
  ),
  WEB_PUSH: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'on',
    description: 'Web push notifications (Meldingen on the phone or computer): on or off. Off hides the choice in Mijn profiel and sends none.',
  }),
  OIDC_ISSUER: Type.Optional(
    Type.String({
      pattern: '^https?://[^?#]+$',
      description: "Staff single sign-on: the organisation's OpenID Connect issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0. SSO is off without it. https in production; the IdP must enforce MFA.",
    }),
  ),
  OIDC_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, description: 'With OIDC_ISSUER: the client id the IdP gave the portal. Redirect URI to register: PUBLIC_BASE_URL/api/sso/callback.' })),
  OIDC_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 1, description: 'With OIDC_ISSUER: the client secret (sent with HTTP Basic to the token endpoint).' })),
  OIDC_CLAIM: Type.Union([Type.Literal('email'), Type.Literal('preferred_username')], {
    default: 'email',
    description: "Which ID-token claim names the staff account: email (the account's e-mail address) or preferred_username (its login name).",
  }),
  OIDC_ACR_VALUES: Type.Optional(
    Type.String({ minLength: 1, description: 'Optional: space-separated acr values to ask the IdP for (e.g. an MFA level); the ID token must then carry one of them.' }),
  ),
  OIDC_REQUIRED_AMR: Type.Optional(
    Type.String({ minLength: 1, description: 'Optional: comma-separated amr values (e.g. mfa); the ID token must name at least one of them.' }),
  ),
  DIGID_ISSUER: Type.Optional(
    Type.String({
      pattern: '^https?://[^?#]+$',
      description:
        '"Inloggen met DigiD" for clients and representatives: the OpenID Connect issuer of the DigiD broker. Off (no button) without it. Redirect URI to register: PUBLIC_BASE_URL/api/digid/callback. https in production.',
    }),
  ),
  DIGID_CLIENT_ID: Type.Optional(Type.String({ minLength: 1, description: 'With DIGID_ISSUER: the client id the broker gave the portal.' })),
  DIGID_CLIENT_SECRET: Type.Optional(
    Type.String({ minLength: 1, description: 'With DIGID_ISSUER: the client secret (HTTP Basic at the token endpoint). Set this or DIGID_PRIVATE_KEY, not both.' }),
  ),
  DIGID_PRIVATE_KEY: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'With DIGID_ISSUER, instead of a secret: a PKCS#8 PEM private key (RS256 or ES256) for private_key_jwt; register its public key with the broker.',
    }),
  ),
  DIGID_ACR_VALUES: Type.String({
    minLength: 1,
    default: 'http://eidas.europa.eu/LoA/substantial http://eidas.europa.eu/LoA/high',
    description: 'Space-separated acr values asked for and accepted (eIDAS Substantieel and High by default); an ID token with another level is refused.',
  }),
  DIGID_BSN_CLAIM: Type.String({
    minLength: 1,
    pattern: '^[A-Za-z0-9_:.-]+$',
    default: 'bsn',
    description: "The ID-token claim that holds the person's BSN: bsn, or sub for brokers that put it there.",
  }),
})

type Env = Static<typeof EnvSchema>

export interface Config {
  env: Env['NODE_ENV']
  host: string
  port: number
  publicBaseUrl: URL
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'embedded'; dataDir: string }
  /** The owner role's connection for migrations; undefined: DATABASE_URL migrates (one role). */
  migrationDatabaseUrl: string | undefined
  /** The role DATABASE_URL logs in as, granted its privileges after each migration; undefined: no grants. */
  databaseRuntimeRole: string | undefined
  /** Base64 key from the environment; undefined means: the embedded database generates and keeps one. */
  dataEncryptionKey: string | undefined
  seedDemoData: boolean
  logLevel: string
  trustProxy: boolean | number | string[]
  bodyLimitBytes: number
  webDistDir: string
  /** Outgoing e-mail: through SMTP when smtpUrl is set, otherwise only logged (never in production). */
  mail: { smtpUrl: string | undefined; from: string; /** smtp:// with ?requireTLS=true: refuse to send without STARTTLS. */ requireTls: boolean }
  sms: SmsConfig
  outboxPollIntervalMs: number
  /** How many passwords are hashed at once and may wait (identity/accounts/password-hash.ts). */
  passwordHashing: { concurrency: number; queueLimit: number }
  /** The /metrics listener; undefined when off. */
  metrics: { host: string; port: number } | undefined
  /** Web push: off, or on with the configured VAPID pair (undefined: generated once, kept in the database). */
  webPush: { enabled: boolean; keys: { publicKey: string; privateKey: string } | undefined; subject: string }
  /** Staff single sign-on through the organisation's OpenID Connect provider; undefined when off. */
  oidc: OidcConfig | undefined
  /** "Inloggen met DigiD" through a broker speaking OpenID Connect; undefined when off. */
  digid: DigidConfig | undefined
  /** Whether the development conveniences exist, and why (see {@link decideDemoMode}). */
  demoMode: DemoMode
}

export interface DemoMode {
  on: boolean
  /** Why it is on or off, for the start-up log line. */
  reasons: string[]
  /** The development mailbox: demo mode with NODE_ENV development (tests run without it). */
  mailbox: boolean
}

export interface OidcConfig {
  issuer: URL
  clientId: string
  clientSecret: string
  claim: 'email' | 'preferred_username'
  acrValues: string[]
  requiredAmr: string[]
}

/** How the portal proves itself at the DigiD broker's token endpoint. */
export type OidcClientAuth = { method: 'client_secret_basic'; secret: string } | { method: 'private_key_jwt'; privateKeyPem: string }

export interface DigidConfig {
  issuer: URL
  clientId: string
  clientAuth: OidcClientAuth
  /** Asked for and accepted, e.g. eIDAS Substantieel and High. */
  acrValues: string[]
  bsnClaim: string
}

export type SmsConfig =
  | { provider: 'console' }
  | { provider: 'webhook'; url: string; secret: string }
  | { provider: 'cm'; baseUrl: string; productToken: string; sender: string }

export class ConfigError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

/**
 * Reads and validates the configuration; throws ConfigError listing every problem at once.
 * `server`: the checks only the running server needs (it alone sends SMS); the command-line
 * tools (migrate, seed, verify) leave it off.
 */
export function loadConfig(source: Record<string, string | undefined>, options: { server?: boolean } = {}): Config {
  const raw = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((key) => source[key] !== undefined && source[key] !== '')
      .map((key) => [key, source[key]]),
  )
  const withDefaults = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw))
  const problems = [...Value.Errors(EnvSchema, withDefaults)].map(
    (error) => `${error.instancePath.replace(/^\//, '') || 'environment'}: ${error.message}`,
  )
  if (problems.length > 0) throw new ConfigError(problems)
  const env = withDefaults as Env

  if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
    problems.push(
      'DATABASE_URL: required in production. The embedded database runs without fsync and with a single connection; it is for trying the portal out, not for health data.',
    )
  }
  if (env.DATABASE_URL && !env.DATA_ENCRYPTION_KEY) {
    problems.push('DATA_ENCRYPTION_KEY: required with DATABASE_URL (openssl rand -base64 32).')
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_BASE_URL.startsWith('https://')) {
    problems.push('PUBLIC_BASE_URL: must use https in production.')
  }
  problems.push(...outboxProblems(env, options.server ?? false))
  if ((env.VAPID_PUBLIC_KEY === undefined) !== (env.VAPID_PRIVATE_KEY === undefined)) {
    problems.push('VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither (npx web-push generate-vapid-keys).')
  }
  problems.push(...oidcProblems(env))
  problems.push(...digidProblems(env))
  if (problems.length > 0) throw new ConfigError(problems)
  const smtpRequireTls = env.SMTP_URL !== undefined && smtpRequiresTls(env.SMTP_URL)

  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl: new URL(env.PUBLIC_BASE_URL),
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: env.EMBEDDED_DATA_DIR },
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL,
    databaseRuntimeRole: env.DATABASE_RUNTIME_ROLE,
    dataEncryptionKey: env.DATA_ENCRYPTION_KEY,
    seedDemoData: env.SEED_DEMO_DATA === 'auto',
    logLevel: env.LOG_LEVEL,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    webDistDir: env.WEB_DIST_DIR,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM ?? 'Cliëntportaal <noreply@localhost>', requireTls: smtpRequireTls },
    sms: smsConfig(env),
    outboxPollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
    passwordHashing: { concurrency: env.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, Math.floor(availableParallelism() / 2)), queueLimit: env.PASSWORD_HASH_QUEUE },
    metrics: env.METRICS_PORT === undefined ? undefined : { host: env.METRICS_HOST, port: env.METRICS_PORT },
    webPush: {
      enabled: env.WEB_PUSH === 'on',
      keys: env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY } : undefined,
      subject: env.VAPID_SUBJECT ?? (env.PUBLIC_BASE_URL.startsWith('https://') ? env.PUBLIC_BASE_URL : 'mailto:noreply@localhost'),
    },
    oidc: oidcConfig(env),
    digid: digidConfig(env),
    demoMode: decideDemoMode(env),
  }
}

/**
 * Demo mode: the only mode with development conveniences (the development mailbox on
 * /api/dev/outbox, console SMS that logs the text). It needs all of: the embedded database,
 * no SMTP_URL, SMS_PROVIDER unset or console, NODE_ENV not production. Any setting that
 * reaches real people (a real database, real e-mail, real SMS) turns it off, whatever
 * NODE_ENV says: a mailbox that shows password links and login codes must never sit beside
 * real accounts. Security spec property 31.
 */
export function decideDemoMode(env: Pick<Env, 'NODE_ENV' | 'DATABASE_URL' | 'SMTP_URL' | 'SMS_PROVIDER'>): DemoMode {
  const off: string[] = []
  if (env.NODE_ENV === 'production') off.push('NODE_ENV is production')
  if (env.DATABASE_URL) off.push('DATABASE_URL set')
  if (env.SMTP_URL) off.push('SMTP_URL set')
  if (env.SMS_PROVIDER !== undefined && env.SMS_PROVIDER !== 'console') off.push(`SMS_PROVIDER is ${env.SMS_PROVIDER}`)
  if (off.length > 0) return { on: false, reasons: off, mailbox: false }
  return { on: true, reasons: ['embedded database', 'no SMTP', 'console SMS', `NODE_ENV ${env.NODE_ENV}`], mailbox: env.NODE_ENV === 'development' }
}

/** The start-up log line that says which mode runs and why. */
export function describeMode(demoMode: DemoMode): string {
  if (demoMode.on) {
    const mailbox = demoMode.mailbox ? 'development mailbox on /api/dev/outbox (loopback only)' : 'no development mailbox outside NODE_ENV development'
    return `demo mode: ${demoMode.reasons.join(', ')} — ${mailbox}`
  }
  return `live mode: ${demoMode.reasons.join(', ')} — development conveniences off`
}

/**
 * A hop count trusts whatever sits that many hops in: one proxy too few or too many and a
 * client can choose its own address (login limits, access log). Addresses/CIDRs cannot be
 * spoofed that way. Returns the warning to log at start, or undefined.
 */
export function trustProxyWarning(trustProxy: Config['trustProxy']): string | undefined {
  if (typeof trustProxy !== 'number') return undefined
  return `TRUST_PROXY is a hop count (${trustProxy}): if the number of proxies in front of the portal is ever different, clients can forge their address in X-Forwarded-For. Prefer the proxies' addresses or CIDRs, e.g. TRUST_PROXY=10.0.0.5 or 10.0.0.0/24.`
}

/** smtp:// with ?requireTLS=true (STARTTLS demanded before any login or message). */
function smtpRequiresTls(smtpUrl: string): boolean {
  if (smtpUrl.startsWith('smtps://')) return false
  try {
    return new URL(smtpUrl).searchParams.get('requireTLS') === 'true'
  } catch {
    return false
  }
}

/** Single sign-on is all or nothing: an issuer without its client (or the reverse) is a mistake, not "off". */
function oidcProblems(env: Env): string[] {
  const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter((value) => value !== undefined).length
  const problems: string[] = []
  if (set !== 0 && set !== 3) problems.push('OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three for single sign-on, or none.')
  if (env.NODE_ENV === 'production' && env.OIDC_ISSUER?.startsWith('http://')) problems.push('OIDC_ISSUER: must use https in production.')
  return problems
}

function oidcConfig(env: Env): OidcConfig | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return undefined
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    claim: env.OIDC_CLAIM,
    acrValues: (env.OIDC_ACR_VALUES ?? '').split(/\s+/).filter(Boolean),
    requiredAmr: (env.OIDC_REQUIRED_AMR ?? '').split(',').map((value) => value.trim()).filter(Boolean),
  }
}

/** DigiD is all or nothing too; exactly one way for the portal to prove itself to the broker. */
function digidProblems(env: Env): string[] {
  const problems: string[] = []
  const credentials = [env.DIGID_CLIENT_SECRET, env.DIGID_PRIVATE_KEY].filter((value) => value !== undefined).length
  const set = [env.DIGID_ISSUER, env.DIGID_CLIENT_ID].filter((value) => value !== undefined).length + (credentials > 0 ? 1 : 0)
  if (set !== 0 && set !== 3) problems.push('DIGID_ISSUER, DIGID_CLIENT_ID and DIGID_CLIENT_SECRET (or DIGID_PRIVATE_KEY): set all for DigiD, or none.')
  if (credentials === 2) problems.push('DIGID_CLIENT_SECRET, DIGID_PRIVATE_KEY: set one of them, not both.')
  if (env.DIGID_PRIVATE_KEY && !env.DIGID_PRIVATE_KEY.includes('-----BEGIN PRIVATE KEY-----')) problems.push('DIGID_PRIVATE_KEY: a PKCS#8 PEM key ("-----BEGIN PRIVATE KEY-----").')
  if (env.NODE_ENV === 'production' && env.DIGID_ISSUER?.startsWith('http://')) problems.push('DIGID_ISSUER: must use https in production.')
  return problems
}

function digidConfig(env: Env): DigidConfig | undefined {
  if (!env.DIGID_ISSUER || !env.DIGID_CLIENT_ID) return undefined
  const clientAuth: OidcClientAuth | undefined = env.DIGID_PRIVATE_KEY
    ? { method: 'private_key_jwt', privateKeyPem: env.DIGID_PRIVATE_KEY.replaceAll('\\n', '\n') }
    : env.DIGID_CLIENT_SECRET
      ? { method: 'client_secret_basic', secret: env.DIGID_CLIENT_SECRET }
      : undefined
  if (!clientAuth) return undefined
  return {
    issuer: new URL(env.DIGID_ISSUER),
    clientId: env.DIGID_CLIENT_ID,
    clientAuth,
    acrValues: env.DIGID_ACR_VALUES.split(/\s+/).filter(Boolean),
    bsnClaim: env.DIGID_BSN_CLAIM,
  }
}

/** E-mail and SMS must really leave a production server; SMS codes may be logged only in development. */
function outboxProblems(env: Env, server: boolean): string[] {
  const problems: string[] = []
  const production = env.NODE_ENV === 'production'
  if (production && !env.SMTP_URL) problems.push('SMTP_URL: required in production, or no e-mail leaves the portal.')
  if (env.SMTP_URL && !env.MAIL_FROM) problems.push('MAIL_FROM: required with SMTP_URL, e.g. "Zorggroep <portaal@zorggroep.nl>".')
  // The e-mails carry password links: in production they never cross the network in clear text.
  if (production && env.SMTP_URL?.startsWith('smtp://') && !smtpRequiresTls(env.SMTP_URL)) {
    problems.push('SMTP_URL: smtp:// sends in clear text unless STARTTLS is required; use smtps:// or add ?requireTLS=true (production).')
  }
  // A real database holds real people: a login code that is only logged would never reach them.
  if (server && env.DATABASE_URL && !env.SMS_PROVIDER) {
    problems.push('SMS_PROVIDER: required with DATABASE_URL (cm or webhook; console explicitly for a test database, codes are then not shown).')
  }
  if (production && !env.SMS_PROVIDER) problems.push('SMS_PROVIDER: required in production (cm or webhook).')
  if (production && env.SMS_PROVIDER === 'console') {
    problems.push('SMS_PROVIDER: console logs login codes and is refused in production; use cm or webhook.')
  }
  if (env.SMS_PROVIDER === 'webhook') {
    if (!env.SMS_WEBHOOK_URL) problems.push('SMS_WEBHOOK_URL: required with SMS_PROVIDER=webhook.')
    if (!env.SMS_WEBHOOK_SECRET) problems.push('SMS_WEBHOOK_SECRET: required with SMS_PROVIDER=webhook (openssl rand -hex 32).')
    if (production && env.SMS_WEBHOOK_URL?.startsWith('http://')) problems.push('SMS_WEBHOOK_URL: must use https in production.')
  }
  if (env.SMS_PROVIDER === 'cm') {
    if (!env.CM_PRODUCT_TOKEN) problems.push('CM_PRODUCT_TOKEN: required with SMS_PROVIDER=cm.')
    if (!env.SMS_SENDER) problems.push('SMS_SENDER: required with SMS_PROVIDER=cm.')
  }
  return problems
}

function smsConfig(env: Env): SmsConfig {
  if (env.SMS_PROVIDER === 'webhook') {
    return { provider: 'webhook', url: env.SMS_WEBHOOK_URL ?? '', secret: env.SMS_WEBHOOK_SECRET ?? '' }
  }
  if (env.SMS_PROVIDER === 'cm') {
    return { provider: 'cm', baseUrl: env.CM_BASE_URL, productToken: env.CM_PRODUCT_TOKEN ?? '', sender: env.SMS_SENDER ?? '' }
  }
  return { provider: 'console' }
}

function parseTrustProxy(value: string): boolean | number | string[] {
  const trimmed = value.trim()
  if (trimmed === '') return false
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  return trimmed.split(',').map((part) => part.trim()).filter(Boolean)
}

/** The documented variables, for the README table and `--help`. */
export function describeConfig(): { name: string; default: unknown; description: string }[] {
  return Object.entries(EnvSchema.properties).map(([name, schema]) => {
    const s = schema as { default?: unknown; description?: string }
    return { name, default: s.default, description: s.description ?? '' }
  })
}
