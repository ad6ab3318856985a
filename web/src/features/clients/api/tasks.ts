import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CaseTask, CreateTaskDto, UpdateTaskDto } from '@tryg/shared';
import { apiRequest } from '../../../lib/api-client';
import { caseChanged } from './case-cache';

const tasksPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}/tasks`;

export function createTask({ clientId, body }: { clientId: string; body: CreateTaskDto }): Promise<CaseTask> {
  return apiRequest<CaseTask>(tasksPath(clientId), { method: 'POST', body });
}

export function updateTask({
  clientId,
  taskId,
  body,
}: {
  clientId: string;
  taskId: string;
  body: UpdateTaskDto;
}): Promise<CaseTask> {
  return apiRequest<CaseTask>(`${tasksPath(clientId)}/${encodeURIComponent(taskId)}`, { method: 'PATCH', body });
}

export function deleteTask({ clientId, taskId }: { clientId: string; taskId: string }): Promise<void> {
  return apiRequest<void>(`${tasksPath(clientId)}/${encodeURIComponent(taskId)}`, { method: 'DELETE' });
}

/** Every change to the plan reloads the case: its order and overdue marks are the server's. */
function usePlanMutation<Variables extends { clientId: string }, Result>(
  mutationFn: (v: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: (_result, { clientId }) => caseChanged(queryClient, clientId) });
}

export const useCreateTask = () => usePlanMutation(createTask);
export const useUpdateTask = () => usePlanMutation(updateTask);
export const useDeleteTask = () => usePlanMutation(deleteTask);
