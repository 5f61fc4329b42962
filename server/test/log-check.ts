import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { scanLogFolder } from './secret-scan.ts'

/**
 * Security property 25: after the whole test run, the captured logs hold no password, code,
 * session token, cookie or BSN. Makes this run's capture folder and returns the teardown
 * that scans it; a finding fails the run.
 */
export function startLogCheck(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'portal-test-logs-'))
  project.provide('logCaptureDir', folder)
  return () => {
    const { lines, findings } = scanLogFolder(folder)
    if (findings.length === 0) {
      rmSync(folder, { recursive: true, force: true })
      return
    }
    // The folder stays for inspection; the report names places, never the secrets themselves.
    // Vitest only prints an error thrown by a teardown, so the exit code is set here as well.
    process.exitCode = 1
    const list = findings.slice(0, 20).map((f) => `  ${f.kind} at ${f.where} (${f.excerpt})`)
    throw new Error(`${findings.length} secret(s) in the captured logs (${lines} lines checked), kept in ${folder}:\n${list.join('\n')}`)
  }
}
