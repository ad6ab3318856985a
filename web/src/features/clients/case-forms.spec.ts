import type { CaseTask } from '@tryg/shared';
import {
  answerCounts,
  caseToday,
  emptyScreening,
  itemNumbers,
  referenceProblem,
  screeningProblems,
  taskFormOf,
  taskProblems,
  toCreateClient,
  toCreateScreening,
  toCreateTask,
  toUpdateTask,
} from './case-forms';

describe('case forms', () => {
  it('counts "today" in Danish time, whatever the device', () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Copenhagen.
    expect(caseToday(new Date('2027-03-09T23:30:00Z'))).toBe('2027-03-10');
  });

  it('needs a reference of at most 200 characters and sends the review date only when chosen', () => {
    expect(referenceProblem({ reference: '   ', nextReviewOn: '' })).toEqual({ kind: 'required' });
    expect(referenceProblem({ reference: 'x'.repeat(201), nextReviewOn: '' })).toEqual({ kind: 'tooLong', max: 200 });
    expect(toCreateClient({ reference: ' Sag 1 ', nextReviewOn: '' })).toEqual({ reference: 'Sag 1' });
    expect(toCreateClient({ reference: 'Sag 1', nextReviewOn: '2027-04-01' })).toEqual({
      reference: 'Sag 1',
      nextReviewOn: '2027-04-01',
    });
  });

  it('leaves empty optional task fields out on create and clears them on edit', () => {
    const values = {
      title: ' Ring ',
      owner: 'police' as const,
      ownerName: ' ',
      dueOn: '',
      status: 'open' as const,
      note: '',
    };
    expect(toCreateTask(values)).toEqual({
      title: 'Ring',
      owner: 'police',
      ownerName: undefined,
      dueOn: undefined,
      status: 'open',
      note: undefined,
    });
    expect(toUpdateTask(values)).toEqual({
      title: 'Ring',
      owner: 'police',
      ownerName: null,
      dueOn: null,
      status: 'open',
      note: null,
    });
    expect(taskProblems({ ...values, title: '' })).toEqual({ title: { kind: 'required' } });
    expect(taskProblems({ ...values, note: 'x'.repeat(4001) })).toEqual({ note: { kind: 'tooLong', max: 4000 } });
  });

  it('fills the edit form from a task', () => {
    const task: CaseTask = {
      id: 't',
      title: 'A',
      owner: 'dsc',
      ownerName: null,
      dueOn: '2027-04-01',
      status: 'doing',
      note: null,
      overdue: false,
      createdAt: '',
      updatedAt: '',
    };
    expect(taskFormOf(task)).toEqual({
      title: 'A',
      owner: 'dsc',
      ownerName: '',
      dueOn: '2027-04-01',
      status: 'doing',
      note: '',
    });
  });

  it('answers every item shown, "unknown" where nothing was chosen, and no item beyond the count', () => {
    const values = {
      ...emptyScreening('2027-03-09'),
      itemCount: '3',
      answers: { '1': 'yes' as const, '7': 'no' as const },
    };
    expect(toCreateScreening(values).answers).toEqual({ '1': 'yes', '2': 'unknown', '3': 'unknown' });
    expect(toCreateScreening(values).rescreenOn).toBeUndefined();
    expect(itemNumbers('0')).toEqual([]);
    expect(itemNumbers('61')).toEqual([]);
    expect(itemNumbers('abc')).toEqual([]);
    expect(itemNumbers('16')).toHaveLength(16);
  });

  it('refuses a future screening date and a re-screen date not after it', () => {
    const base = emptyScreening('2027-03-09');
    expect(screeningProblems(base, '2027-03-09')).toEqual({});
    expect(screeningProblems({ ...base, screenedOn: '2027-03-10' }, '2027-03-09')).toEqual({ screenedOn: 'future' });
    expect(screeningProblems({ ...base, rescreenOn: '2027-03-09' }, '2027-03-09')).toEqual({ rescreenOn: 'rescreen' });
    expect(screeningProblems({ ...base, itemCount: '' }, '2027-03-09')).toEqual({ itemCount: 'items' });
  });

  it('counts the answers for the history', () => {
    expect(answerCounts({ '1': 'yes', '2': 'yes', '3': 'unknown' })).toEqual({ yes: 2, no: 0, unknown: 1 });
  });
});
