/**
 * Runs `work` and answers no sooner than `milliseconds` after the start, whatever the
 * outcome. Login and password requests use it so that an unknown account, a wrong password
 * and a real one take the same time: the answer's timing tells nothing.
 */
export async function withMinimumDuration<T>(milliseconds: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  try {
    return await work()
  } finally {
    const left = milliseconds - (performance.now() - started)
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
  }
}
