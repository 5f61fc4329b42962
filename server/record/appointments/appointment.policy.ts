/** Who asks to change an appointment: a portal account (through its link) or a caregiver of the client. */
export type AppointmentChanger = { kind: 'account'; accountId: string } | { kind: 'caregiver' }

/** What the rule needs of an appointment. */
export interface AppointmentFacts {
  created_by_account_id: string | null
  cancelled_at: Date | null
}

/**
 * Who may change or cancel an appointment: nobody once it is cancelled; a portal account only
 * the ones it made itself; the care team all of the client's (who made it stays as it was).
 */
export function mayChangeAppointment(changer: AppointmentChanger, appointment: AppointmentFacts): boolean {
  if (appointment.cancelled_at !== null) return false
  return changer.kind === 'caregiver' || appointment.created_by_account_id === changer.accountId
}
