import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Type } from 'typebox'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

const Ended = Type.Object({ id: Type.String() })

export function endAssignment(clientId: string, assignmentId: string, validUntil: string) {
  return apiRequest(workspaceApiPath(clientId, `care-team/${encodeURIComponent(assignmentId)}/end`), Ended, { method: 'POST', body: { validUntil } })
}

/** Ends an assignment on a day: its last valid day. */
export function useEndAssignment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ assignmentId, validUntil }: { assignmentId: string; validUntil: string }) => endAssignment(clientId, assignmentId, validUntil),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'care-team'] }),
  })
}
