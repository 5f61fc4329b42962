import { type FormEvent, useState } from 'react'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useT } from '@/i18n/use-t.ts'
import { useStaff } from '../api/get-staff.ts'
import { useTeams } from '../api/get-teams.ts'
import { NewStaffForm } from './new-staff-form.tsx'
import { StaffItem } from './staff-item.tsx'
import '../../admin.css'

/** "Medewerkers": search, a new staff member with roles and teams, and per member a change of roles and teams or removal. */
export function StaffPage() {
  const t = useT()
  const [text, setText] = useState('')
  const [search, setSearch] = useState('')
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<string | null>(null)
  const staff = useStaff(search)
  const teams = useTeams()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSearch(text.trim())
  }

  return (
    <div className="card">
      <PageHeading>{t('admin.staff.title')}</PageHeading>
      <p>{t('admin.staff.intro')}</p>
      {created ? (
        <Notice>
          <p>{t('admin.staff.created', { name: created })}</p>
        </Notice>
      ) : null}
      {creating ? (
        <NewStaffForm
          teams={teams.data?.items ?? []}
          onDone={(name) => {
            setCreated(name)
            setCreating(false)
          }}
        />
      ) : (
        <Actions>
          <Button
            onClick={() => {
              setCreated(null)
              setCreating(true)
            }}
          >
            {t('admin.staff.new')}
          </Button>
        </Actions>
      )}
      <form className="record-filters" role="search" aria-label={t('admin.staff.searchLabel')} onSubmit={onSubmit} noValidate>
        <TextField id="zoek-medewerker" type="search" label={t('admin.staff.searchText')} value={text} maxLength={100} onChange={(event) => setText(event.target.value)} />
        <Actions>
          <Button type="submit">{t('admin.staff.search')}</Button>
        </Actions>
      </form>
      {staff.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {staff.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void staff.refetch()} /> : null}
      {staff.data && staff.data.items.length === 0 ? <p role="status">{t('admin.staff.none')}</p> : null}
      {staff.data && staff.data.items.length > 0 ? (
        <ul className="admin-list" aria-label={t('admin.staff.listLabel')}>
          {staff.data.items.map((member) => (
            <StaffItem key={member.staffMemberId} member={member} teams={teams.data?.items ?? []} />
          ))}
        </ul>
      ) : null}
    </div>
  )
}
