import type { ClientCase } from '@tryg/shared';
import { compareByAttention, compareTasks } from './case-view';
import type { CaseTaskEntity } from './entities/case-task.entity';

function task(id: string, dueOn: string | null, createdAt = '2027-01-01T00:00:00.000Z'): CaseTaskEntity {
  return { id, dueOn, createdAt: new Date(createdAt) } as CaseTaskEntity;
}

function client(id: string, changes: Partial<ClientCase> = {}): ClientCase {
  return {
    id,
    status: 'active',
    overdueTasks: 0,
    rescreenDue: false,
    reviewDue: false,
    nextReviewOn: null,
    latestScreening: null,
    tasks: [],
    createdAt: '2027-01-01T00:00:00.000Z',
    ...changes,
  } as ClientCase;
}

describe(compareByAttention.name, () => {
  it('puts overdue tasks before a re-screen due, before a review due, before nothing due', () => {
    const sorted = [
      client('nothing'),
      client('review', { reviewDue: true }),
      client('rescreen', { rescreenDue: true }),
      client('overdue', { overdueTasks: 1 }),
      client('rescreen+review', { rescreenDue: true, reviewDue: true }),
    ].sort(compareByAttention);
    expect(sorted.map((c) => c.id)).toEqual(['overdue', 'rescreen+review', 'rescreen', 'review', 'nothing']);
  });

  it('orders cases that need nothing yet by their soonest date, undated last, and closed cases last', () => {
    const sorted = [
      client('closed', { status: 'closed', overdueTasks: 3 }),
      client('undated', { createdAt: '2027-02-01T00:00:00.000Z' }),
      client('review-later', { nextReviewOn: '2027-05-01' }),
      client('rescreen-sooner', { latestScreening: { rescreenOn: '2027-04-01' } as ClientCase['latestScreening'] }),
    ].sort(compareByAttention);
    expect(sorted.map((c) => c.id)).toEqual(['rescreen-sooner', 'review-later', 'undated', 'closed']);
  });
});

describe(compareTasks.name, () => {
  it('orders by due date, undated last, then by when written', () => {
    const sorted = [
      task('undated', null),
      task('late-written', '2027-03-01', '2027-02-02T00:00:00.000Z'),
      task('early', '2027-02-01'),
      task('early-written', '2027-03-01', '2027-02-01T00:00:00.000Z'),
    ].sort(compareTasks);
    expect(sorted.map((t) => t.id)).toEqual(['early', 'early-written', 'late-written', 'undated']);
  });
});
