/**
 * The SQL statements (BEGIN and COMMIT included) one request for each portal record page may
 * send: what sets a page's cost, whatever the size of the data (docs/decisions/request-path.md).
 * One table for the test that keeps them down (record-statements.test.ts) and the figures
 * `npm run bench` prints beside them (bench/request-bench.ts). Issue 11 asks at most 5 for every
 * page but home. A read's log INSERT counts once per request although the group commit shares it
 * with the other reads in flight (access-log-group-commit.ts): the request waits for it all the same.
 */
export const RECORD_PAGE_STATEMENTS: readonly { page: string; path: string; atMost: number }[] = [
  // Every page: the session with the link to the client in one statement (session.repository.ts).
  // Home: that, the six cards in one statement (home.repository.ts findHomeCards: each section's
  // own query as a JSON subquery), one INSERT of seven log rows. With or without messages to show.
  { page: 'home (every card)', path: 'home', atMost: 3 },
  { page: 'reports', path: 'reports', atMost: 3 },
  { page: 'reports, text search', path: 'reports?q=goed', atMost: 3 },
  // 3 with messages on the page (they carry the unread count); an empty page asks for the count alone.
  { page: 'messages', path: 'messages', atMost: 4 },
  { page: 'appointments', path: 'appointments', atMost: 3 },
  { page: 'care plan prints', path: 'care-plan-prints', atMost: 3 },
  { page: 'profile', path: 'profile', atMost: 4 },
  { page: 'subscriptions', path: 'subscriptions', atMost: 3 },
  { page: 'care team today', path: 'care-team/today', atMost: 3 },
  // Session with link, newest access and organisation, the window's lines with "is there older", one INSERT.
  { page: 'who read my record', path: 'access-log', atMost: 4 },
]
