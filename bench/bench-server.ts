import type { ChildProcess } from 'node:child_process'

/** Waits until the server answers `url` with 2xx, polling every `intervalMs`; refuses when it stopped or took over a minute. */
export async function waitUntilReady(url: string, server: ChildProcess, intervalMs = 500): Promise<void> {
  for (let i = 0; i < 60_000 / intervalMs; i++) {
    if (server.exitCode !== null) throw new Error('the server stopped before it was ready')
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
  throw new Error('the server did not become ready within a minute')
}
