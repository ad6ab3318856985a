import { useMutation } from '@tanstack/react-query';
import type { RecoverDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';

export function recover(body: RecoverDto): Promise<void> {
  return apiRequest<void>('/auth/recover', { method: 'POST', body });
}

export function useRecover() {
  return useMutation({ mutationFn: recover });
}
