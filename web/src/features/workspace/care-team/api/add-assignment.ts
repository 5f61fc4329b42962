import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Type } from 'typebox'
import type { NewCareAssignment } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

const Created = Type.Object({ id: Type.String() })

export function addAssignment(clientId: string, assignment: NewCareAssignment) {
  return apiRequest(workspaceApiPath(clientId, 'care-team'), Created, { method: 'POST', body: assignment })
}

/** A team or a staff member for a period; it decides who may open the record, so the server logs it. */
export function useAddAssignment(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (assignment: NewCareAssignment) => addAssignment(clientId, assignment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'care-team'] }),
  })
}
