import type { Resource } from '@medplum/fhirtypes'
import type { Db } from '../../platform/db/database.ts'
import type { FhirContext, FhirResourceType, SearchQuery, StoredResource } from './fhir-resource-type.ts'

/** What a type's repository offers for reading: its rows by id, by ECD identifier, and a search. */
export interface RowRepository<Row> {
  findById: (db: Db, id: string) => Promise<Row | undefined>
  findByEcdId: (db: Db, ecdId: string) => Promise<Row | undefined>
  search: (db: Db, filter: { query: SearchQuery; ecdId?: string }) => Promise<Row[]>
}

export type RowReads<R extends Resource, Row> = Pick<FhirResourceType<R>, 'read' | 'findByEcdId' | 'search'> & {
  stored: (row: Row, context: FhirContext) => StoredResource<R>
}

// Most types read one row per resource the same way; one copy keeps the ECD identifier check alike in all of them.
export function rowReads<R extends Resource, Row extends { id: string; version: number }>(
  repository: RowRepository<Row>,
  toFhir: (row: Row, context: FhirContext) => R,
  clientId: (row: Row) => string | null,
): RowReads<R, Row> {
  const stored = (row: Row, context: FhirContext): StoredResource<R> => ({ resource: toFhir(row, context), id: row.id, version: row.version, clientId: clientId(row) })
  return {
    stored,
    read: async (db, context, id) => {
      const row = await repository.findById(db, id)
      return row && stored(row, context)
    },
    findByEcdId: async (db, context, ecdId) => {
      const row = await repository.findByEcdId(db, ecdId)
      return row && stored(row, context)
    },
    search: async (db, context, query) => {
      if (query.identifier && query.identifier.system !== context.caller.identifierSystem) return []
      const rows = await repository.search(db, { query, ...(query.identifier ? { ecdId: query.identifier.value } : {}) })
      return rows.map((row) => stored(row, context))
    },
  }
}
