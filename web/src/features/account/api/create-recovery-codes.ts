import { useMutation } from '@tanstack/react-query';
import type { NewRecoveryCodesDto, RecoveryCodesResponse } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

export function createRecoveryCodes(body: NewRecoveryCodesDto): Promise<RecoveryCodesResponse> {
  return apiRequest<RecoveryCodesResponse>('/auth/recovery-codes', { method: 'POST', body });
}

/** The codes live only in this mutation's state (never in the query cache) and vanish with the view. */
export function useCreateRecoveryCodes() {
  return useMutation({ mutationFn: createRecoveryCodes });
}
