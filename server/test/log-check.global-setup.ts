import type { TestProject } from 'vitest/node'
import { startLogCheck } from './log-check.ts'

/** For projects that need no embedded database template: only the log check. */
export default function setup(project: TestProject): () => void {
  return startLogCheck(project)
}
