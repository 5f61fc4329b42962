import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { BrowserRouter } from 'react-router'
import { SESSION_QUERY_KEY } from '@/features/auth/api/get-session.ts'
import { noteSessionEnded } from '@/features/auth/hooks/use-logout.ts'
import { LINKED_CLIENTS_KEY } from '@/features/clients/api/get-linked-clients.ts'
import { createQueryClient } from '@/lib/query-client.ts'

/**
 * The app's server-state cache. A request refused because of the session (ended on the
 * server, or something owed first) makes it read the session again; the route guards
 * then send the person where they belong.
 */
function createAppQueryClient(): QueryClient {
  const client = createQueryClient({
    onSessionError: (code) => {
      if (code === 'unauthenticated') noteSessionEnded()
      void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
    },
    // Access ended ("Toegang beëindigen", an end date, an administrator): the record pages then say so.
    onNotFound: () => void client.invalidateQueries({ queryKey: LINKED_CLIENTS_KEY }),
  })
  return client
}

/** Everything the app needs around it: server-state cache and the router. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createAppQueryClient)
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>{children}</BrowserRouter>
    </QueryClientProvider>
  )
}
