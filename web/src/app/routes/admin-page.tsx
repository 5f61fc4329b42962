import type { ReactNode } from 'react'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'

/** An administrators' page with its document title ("Nieuws – Beheer – ..."). */
export function AdminPage({ title, children }: { title: MessageKey; children: ReactNode }) {
  const t = useT()
  return (
    <>
      <PageTitle title={`${t(title)} – ${t('admin.menu.label')}`} />
      {children}
    </>
  )
}
