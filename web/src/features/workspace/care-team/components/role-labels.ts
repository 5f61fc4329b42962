import type { CareAssignmentRole } from '@shared/schemas/workspace-record.ts'
import type { MessageKey } from '@/i18n/nl.ts'

/** The roles of an assignment, in the words of the ward. */
export const ROLE_LABELS: Record<CareAssignmentRole, MessageKey> = {
  evv: 'workspace.careTeam.role.evv',
  responsible: 'workspace.careTeam.role.responsible',
  practitioner: 'workspace.careTeam.role.practitioner',
  team: 'workspace.careTeam.role.team',
}
