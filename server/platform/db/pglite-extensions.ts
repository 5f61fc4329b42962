import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

/**
 * PostgreSQL extensions the embedded database loads at start, so the same migrations make the
 * same indexes on both databases: trigram text search over reports (pg_trgm, btree_gin).
 */
export const pgliteExtensions = { pg_trgm, btree_gin }
