import { isDeepStrictEqual } from 'node:util'
import { CompiledQuery, type Compilable } from 'kysely'
import type { Db } from './database.ts'

/**
 * A statement built and compiled once per shape, then only bound with each call's values
 * (docs/decisions/request-path.md, "Built once"). Kysely's builder is immutable: every call of a
 * query function builds a new tree (freezing every node), and compiling walks it again. For the
 * record pages' hot statements (the session, the link check, the home screen's cards) that was a
 * fifth of the portal's CPU per request and much of its garbage.
 *
 * How: the builder is called once per shape with stand-ins (slots) for the input's values, and
 * compiled; each slot comes out of the compiler as a parameter. A later call with the same shape
 * takes that SQL text and puts its own values where the slots were. The SQL text is then also the
 * same string object every time, which the prepared-statement name cache finds without hashing it.
 *
 * What makes the shape (and so is never a slot): `null` and `undefined` (a builder asks "is there
 * a filter?"), numbers (page sizes: LIMIT goes into the text, literal-limits.ts), booleans and
 * arrays (Kysely expands an array into a list). Strings, Dates, Buffers and other values are slots.
 * Plain objects are walked. So the builder must put its string, Date and Buffer inputs into the
 * query as values, unchanged: not compare them, not format them, not interpolate them. That is
 * checked: under test every call is also built afresh and must give the same SQL and parameters,
 * so every test through such a statement proves it; in production the first call of every shape
 * is checked the same way, and a shape that fails it is built afresh on every call.
 */
export function reusableQuery<Input, Row>(
  name: string,
  build: (db: Db, input: Input) => Compilable<Row>,
  { checkEveryCall = CHECK_EVERY_CALL }: { checkEveryCall?: boolean } = {},
): (db: Db, input: Input) => Promise<Row[]> {
  const templates = new Map<string, Template | 'unusable'>()
  return async (db, input) => {
    const values: unknown[] = []
    const { shape, stand } = slotted(input, values)
    let template = templates.get(shape)
    const firstOfShape = template === undefined
    if (template === undefined) {
      template = templateFrom(build(db, stand as Input).compile())
      if (templates.size >= MAX_SHAPES) templates.clear()
      templates.set(shape, template)
    }
    let compiled = template === 'unusable' ? build(db, input).compile() : instantiate(template, values)
    // The first call of every shape, and under test every call: the same as built afresh?
    if (template !== 'unusable' && (firstOfShape || checkEveryCall)) {
      const fresh = build(db, input).compile()
      if (!sameStatement(fresh, compiled)) {
        if (checkEveryCall) throw misuse(name, shape)
        templates.set(shape, 'unusable')
        compiled = fresh
      }
    }
    const result = await db.executeQuery<Row>(compiled)
    return result.rows
  }
}

/** Shapes per statement: a handful in practice (which cards, which filters); the bound guards against a leak. */
const MAX_SHAPES = 256
/** Under vitest (also the portal processes its browser tests start, which inherit the variable). */
const CHECK_EVERY_CALL = process.env.VITEST !== undefined

/** A value's stand-in while the statement is built: the compiler turns it into a parameter. */
class Slot {
  readonly index: number
  constructor(index: number) {
    this.index = index
  }
}

interface Template {
  sql: string
  /** The compiled parameters: a Slot where a call's own value goes, else a constant of the shape. */
  parameters: readonly unknown[]
}

function misuse(name: string, shape: string): Error {
  return new Error(`reusableQuery ${name}: the builder depends on a value it was given as a slot (${shape})`)
}

function templateFrom(compiled: CompiledQuery): Template {
  return { sql: compiled.sql, parameters: compiled.parameters }
}

function instantiate(template: Template, values: readonly unknown[]): CompiledQuery {
  return CompiledQuery.raw(template.sql, template.parameters.map((p) => (p instanceof Slot ? values[p.index] : p)))
}

function sameStatement(a: CompiledQuery, b: CompiledQuery): boolean {
  return a.sql === b.sql && isDeepStrictEqual(a.parameters, b.parameters)
}

/**
 * The input with a Slot for each value (its real value appended to `values`, in walking order),
 * and a text naming the shape: keys, and every value that is not a slot.
 */
function slotted(value: unknown, values: unknown[]): { shape: string; stand: unknown } {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || Array.isArray(value)) {
    return { shape: value === undefined ? 'u' : JSON.stringify(value), stand: value }
  }
  if (isPlainObject(value)) {
    const stand: Record<string, unknown> = {}
    let shape = '{'
    for (const [key, inner] of Object.entries(value)) {
      const walked = slotted(inner, values)
      stand[key] = walked.stand
      shape += `${key}:${walked.shape},`
    }
    return { shape: `${shape}}`, stand }
  }
  values.push(value)
  return { shape: '?', stand: new Slot(values.length - 1) }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
