import { useMutation, useQueryClient } from '@tanstack/react-query'
import { CarePlanPrint } from '@shared/schemas/care-plan-prints.ts'
import type { CarePlanPrintUpload } from '@shared/schemas/workspace-record.ts'
import { apiRequest } from '@/lib/api-client.ts'
import { workspaceApiPath, workspaceClientKey } from '../../workspace-paths.ts'

export function uploadPrint(clientId: string, upload: CarePlanPrintUpload): Promise<CarePlanPrint> {
  return apiRequest(workspaceApiPath(clientId, 'care-plan-prints'), CarePlanPrint, { method: 'POST', body: upload })
}

/** Both PDFs as base64 in JSON (the API's only body type); the server checks each by its content. */
export function useUploadPrint(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (upload: CarePlanPrintUpload) => uploadPrint(clientId, upload),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceClientKey(clientId), 'prints'] }),
  })
}
