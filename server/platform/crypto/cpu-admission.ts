/**
 * Admission for CPU-heavy work (argon2id): at most `concurrency` jobs run at once, at most
 * `queueLimit` wait; past that `run` refuses at once with {@link CpuBusyError}. It bounds this
 * process's CPU, so it is process-local on purpose (no shared state: each instance guards its
 * own cores). Without it, 50 simultaneous logins fill libuv's four threads and take every core,
 * and every other route waits behind them.
 */
export interface CpuAdmission {
  run<T>(work: () => Promise<T>): Promise<T>
  /** Jobs running and waiting now; refusals since start (for /metrics). */
  stats(): { running: number; waiting: number; refused: number; concurrency: number; queueLimit: number }
}

export class CpuBusyError extends Error {
  constructor() {
    super('CPU admission queue full')
    this.name = 'CpuBusyError'
  }
}

export function createCpuAdmission(options: { concurrency: number; queueLimit: number }): CpuAdmission {
  const { concurrency, queueLimit } = options
  let running = 0
  let refused = 0
  const waiting: Array<() => void> = []

  function release(): void {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }

  return {
    async run(work) {
      if (running >= concurrency) {
        if (waiting.length >= queueLimit) {
          refused += 1
          throw new CpuBusyError()
        }
        // The slot passes straight from the finishing job to this one: `running` stays the same.
        await new Promise<void>((resolve) => waiting.push(resolve))
      } else {
        running += 1
      }
      try {
        return await work()
      } finally {
        release()
      }
    },
    stats: () => ({ running, waiting: waiting.length, refused, concurrency, queueLimit }),
  }
}
