import type { ReactNode } from 'react'
import './record-list.css'

/**
 * A list of items of the record (reports, messages, appointments, log lines), each
 * `<li className="record-list__item">`. Its CSS also holds the filter form above such a list.
 */
export function RecordList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ol className="record-list" aria-label={label}>
      {children}
    </ol>
  )
}
