import type { Logger } from 'pino'
import type { Clock } from '../../platform/clock.ts'
import type { Db } from '../../platform/db/database.ts'
import { runGrantEndDates } from './access-grants.service.ts'

/** How often each instance looks for granted links past or near their end date. */
export const GRANT_END_DATE_INTERVAL_MS = 15 * 60_000

/**
 * Runs the end-date work now and then every GRANT_END_DATE_INTERVAL_MS. The timer is only a
 * trigger: what is due, and what was already done, is read from the database (ended_at,
 * end_notice_sent_at; rows locked with SKIP LOCKED), so several instances and restarts never
 * send a notice twice or miss one. The door refuses a link after its last day on its own.
 */
export function startGrantEndDateJob(options: { db: Db; clock: Clock; log: Pick<Logger, 'info' | 'error'> }): { stop(): Promise<void> } {
  let stopped = false
  let round: Promise<void> = Promise.resolve()
  const run = () => {
    round = runGrantEndDates(options.db, options.clock())
      .then((done) => {
        if (done.ended > 0 || done.forewarned > 0) options.log.info(done, 'grant end dates: done')
      })
      .catch((error: unknown) => options.log.error({ reason: error instanceof Error ? error.name : 'unknown' }, 'grant end dates: round failed; trying again later'))
  }
  run()
  const timer = setInterval(() => {
    if (!stopped) run()
  }, GRANT_END_DATE_INTERVAL_MS)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await round
    },
  }
}
