import type { Static } from 'typebox'
import type { StaffRoles, Team } from '@shared/schemas/admin-staff.ts'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { useT } from '@/i18n/use-t.ts'

type TeamItem = Static<typeof Team>

/** The role checkboxes and the team checkboxes, each in its own fieldset; used by "new" and "change". */
export function RolesAndTeamsFields({
  idPrefix,
  roles,
  teamIds,
  teams,
  rolesError,
  onRoles,
  onTeams,
}: {
  idPrefix: string
  roles: StaffRoles
  teamIds: string[]
  teams: TeamItem[]
  rolesError?: string | undefined
  onRoles: (roles: StaffRoles) => void
  onTeams: (teamIds: string[]) => void
}) {
  const t = useT()
  return (
    <>
      <fieldset className={`admin-fieldset ${rolesError ? 'checkbox--invalid' : ''}`}>
        <legend>{t('admin.staff.roles')}</legend>
        {rolesError ? <p className="checkbox__error">{rolesError}</p> : null}
        <Checkbox
          id={`${idPrefix}-rol-zorg`}
          label={t('admin.staff.role.caregiver')}
          checked={roles.caregiver}
          aria-invalid={rolesError ? true : undefined}
          onChange={(event) => onRoles({ ...roles, caregiver: event.target.checked })}
        />
        <Checkbox id={`${idPrefix}-rol-beheer`} label={t('admin.staff.role.administrator')} checked={roles.administrator} onChange={(event) => onRoles({ ...roles, administrator: event.target.checked })} />
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.staff.teams')}</legend>
        {teams.map((team) => (
          <Checkbox
            key={team.id}
            id={`${idPrefix}-team-${team.id}`}
            label={team.location ? `${team.name} (${team.location})` : team.name}
            checked={teamIds.includes(team.id)}
            onChange={(event) => onTeams(event.target.checked ? [...teamIds, team.id] : teamIds.filter((id) => id !== team.id))}
          />
        ))}
      </fieldset>
    </>
  )
}
