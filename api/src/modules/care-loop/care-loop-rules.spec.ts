import { careLoopStep, type CareLoopFacts } from './care-loop-rules';

const base: CareLoopFacts = { careLoop: true, sentAt: null, missedInARow: 0, after: 2, coordinatorAvailable: true };
const SENT = new Date('2027-03-01T12:00:00.000Z');

describe(careLoopStep.name, () => {
  it('nudges an opted-in member at the threshold, not before', () => {
    expect(careLoopStep({ ...base, missedInARow: 1 })).toBe('none');
    expect(careLoopStep({ ...base, missedInARow: 2 })).toBe('nudge');
    expect(careLoopStep({ ...base, missedInARow: 5, after: 5 })).toBe('nudge');
  });

  it('never reports a member who did not opt in', () => {
    expect(careLoopStep({ ...base, careLoop: false, missedInARow: 10 })).toBe('none');
  });

  it('does not nudge again until the member has attended, then may', () => {
    expect(careLoopStep({ ...base, sentAt: SENT, missedInARow: 3 })).toBe('follow');
    expect(careLoopStep({ ...base, sentAt: SENT, missedInARow: 0 })).toBe('reset');
    expect(careLoopStep({ ...base, sentAt: null, missedInARow: 2 })).toBe('nudge');
  });

  it('sends nothing when the coordinator cannot be told', () => {
    expect(careLoopStep({ ...base, missedInARow: 4, coordinatorAvailable: false })).toBe('none');
  });

  it('withdraws what the coordinator sees when the member switches the loop off', () => {
    expect(careLoopStep({ ...base, careLoop: false, sentAt: SENT, missedInARow: 3 })).toBe('withdraw');
    expect(careLoopStep({ ...base, careLoop: false, sentAt: SENT, missedInARow: 0 })).toBe('reset');
  });
});
