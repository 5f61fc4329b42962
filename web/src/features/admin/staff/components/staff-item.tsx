import { useState } from 'react'
import type { Static } from 'typebox'
import type { StaffRoles, StaffSummary, Team } from '@shared/schemas/admin-staff.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { ConfirmAction } from '../../components/confirm-action.tsx'
import { useRemoveStaff } from '../api/remove-staff.ts'
import { useSetRoles } from '../api/set-roles.ts'
import { useSetTeams } from '../api/set-teams.ts'
import { RolesAndTeamsFields } from './roles-and-teams-fields.tsx'

/** One staff member: roles and teams in words, "Rollen en teams wijzigen" opening the checkboxes, and removal. */
export function StaffItem({ member, teams }: { member: StaffSummary; teams: Static<typeof Team>[] }) {
  const t = useT()
  const [language] = useLanguage()
  const setRolesRequest = useSetRoles(member.staffMemberId)
  const setTeamsRequest = useSetTeams(member.staffMemberId)
  const remove = useRemoveStaff()
  const [editing, setEditing] = useState(false)
  const [roles, setRoles] = useState<StaffRoles>(member.roles)
  const [teamIds, setTeamIds] = useState(member.teams.map((team) => team.id))
  const [rolesError, setRolesError] = useState(false)
  const [saved, setSaved] = useState(false)

  const roleNames = [member.roles.caregiver ? t('admin.staff.role.caregiver') : null, member.roles.administrator ? t('admin.staff.role.administrator') : null].filter(Boolean).join(', ') || '–'
  const teamNames = member.teams.map((team) => team.name).join(', ') || t('admin.staff.noTeams')
  const removed = member.endedAt !== null
  const failure = setRolesRequest.error ?? setTeamsRequest.error ?? remove.error

  const save = async () => {
    if (!roles.caregiver && !roles.administrator) return setRolesError(true)
    setRolesError(false)
    await setRolesRequest.mutateAsync(roles)
    await setTeamsRequest.mutateAsync(teamIds)
    setSaved(true)
    setEditing(false)
  }

  return (
    <li className="admin-list__item">
      <h2 className="admin-list__title">{member.name}</h2>
      <p className="admin-list__facts">{t('admin.staff.facts', { loginName: member.loginName, discipline: member.discipline || '–' })}</p>
      <p className="admin-list__facts">{t('admin.staff.rolesAndTeams', { roles: roleNames, teams: teamNames })}</p>
      {removed || member.blockedAt ? (
        <p className="admin-list__facts">
          <span className="admin-tag">{removed ? t('admin.staff.state.removed') : t('admin.staff.state.blocked')}</span>
        </p>
      ) : null}
      {saved ? (
        <Notice>
          <p>{t('admin.saved')}</p>
        </Notice>
      ) : null}
      {failure ? <Alert>{errorMessage(failure, language)}</Alert> : null}
      {removed ? null : editing ? (
        <div className="admin-form" role="group" aria-label={t('admin.staff.changeTitle', { name: member.name })}>
          <RolesAndTeamsFields
            idPrefix={`medewerker-${member.staffMemberId}`}
            roles={roles}
            teamIds={teamIds}
            teams={teams}
            rolesError={rolesError ? t('admin.staff.rolesRequired') : undefined}
            onRoles={setRoles}
            onTeams={setTeamIds}
          />
          <Actions>
            <Button onClick={() => void save().catch(() => undefined)}>{t('admin.staff.saveChange')}</Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('admin.cancel')}
            </Button>
          </Actions>
        </div>
      ) : (
        <Actions>
          <Button
            variant="secondary"
            aria-label={`${t('admin.staff.change')}: ${member.name}`}
            onClick={() => {
              setSaved(false)
              setRoles(member.roles)
              setTeamIds(member.teams.map((team) => team.id))
              setEditing(true)
            }}
          >
            {t('admin.staff.change')}
          </Button>
          <ConfirmAction
            label={t('admin.staff.remove')}
            accessibleLabel={`${t('admin.staff.remove')}: ${member.name}`}
            question={t('admin.staff.removeConfirm', { name: member.name })}
            pending={remove.isPending}
            onConfirm={() => remove.mutate(member.staffMemberId)}
          />
        </Actions>
      )}
    </li>
  )
}
