import { Type, type Static } from 'typebox'

export const AppointmentParams = Type.Object(
  { clientId: Type.String({ format: 'uuid' }), appointmentId: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
)
export type AppointmentParams = Static<typeof AppointmentParams>

/**
 * What the portal and the workspace both show of an appointment, spread first into each side's
 * schema so the fields keep their order in the response; each side adds who made it its own way.
 */
export const appointmentFields = {
  id: Type.String({ format: 'uuid' }),
  /** Amsterdam calendar day and wall-clock times, as the person entered or reads them. */
  date: Type.String({ format: 'date' }),
  startTime: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  endTime: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  title: Type.String(),
  location: Type.String(),
  withWhom: Type.String(),
}

export const Appointment = Type.Object({
  ...appointmentFields,
  /** Made by the logged-in account: it may change or cancel it. */
  madeByMe: Type.Boolean(),
  /** Made through the portal by any linked account (as opposed to the care team). */
  madeInPortal: Type.Boolean(),
  cancelled: Type.Boolean(),
})
export type Appointment = Static<typeof Appointment>

export const AppointmentPeriod = Type.Union([Type.Literal('upcoming'), Type.Literal('past')])
export type AppointmentPeriod = Static<typeof AppointmentPeriod>

export const AppointmentListQuery = Type.Object(
  {
    period: Type.Optional(AppointmentPeriod),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
)
export type AppointmentListQuery = Static<typeof AppointmentListQuery>

/** upcoming: soonest first; past: most recent first. */
export const AppointmentList = Type.Object({ items: Type.Array(Appointment), nextCursor: Type.Union([Type.String(), Type.Null()]) })
export type AppointmentList = Static<typeof AppointmentList>

/** Appointments (not cancelled) today and tomorrow, Amsterdam time, for the home screen. */
export const AppointmentsTodayAndTomorrow = Type.Object({ today: Type.Array(Appointment), tomorrow: Type.Array(Appointment) })
export type AppointmentsTodayAndTomorrow = Static<typeof AppointmentsTodayAndTomorrow>

export const APPOINTMENT_TEXT_MAX = 200

/** "Nieuwe afspraak": what, where, with whom, on which day from when to when (Amsterdam time). */
export const AppointmentRequest = Type.Object(
  {
    date: Type.String({ format: 'date' }),
    startTime: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    endTime: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
    title: Type.String({ minLength: 1, maxLength: APPOINTMENT_TEXT_MAX }),
    location: Type.String({ maxLength: APPOINTMENT_TEXT_MAX }),
    withWhom: Type.String({ maxLength: APPOINTMENT_TEXT_MAX }),
  },
  { additionalProperties: false },
)
export type AppointmentRequest = Static<typeof AppointmentRequest>
