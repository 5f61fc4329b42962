import type { ChildProcess } from 'node:child_process'

/** Waits until the server answers `url` with 2xx; refuses when it stopped or took longer than `minutes` (one by default). */
export async function waitUntilReady(url: string, server: ChildProcess, minutes = 1): Promise<void> {
  for (let i = 0; i < 120 * minutes; i++) {
    if (server.exitCode !== null) throw new Error('the server stopped before it was ready')
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the server did not become ready within ${minutes} minute(s)`)
}
