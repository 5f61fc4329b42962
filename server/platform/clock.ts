/** The current time, injected so tests can move it (session timeouts, code expiry). */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()
