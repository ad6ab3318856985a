import { auditQueryString, NO_AUDIT_FILTERS } from './list-audit';

describe(auditQueryString.name, () => {
  it('asks for everything when nothing is chosen', () => {
    expect(auditQueryString(NO_AUDIT_FILTERS, null)).toBe('');
  });

  it('turns the chosen days into a range that includes the whole last day', () => {
    const query = new URLSearchParams(
      auditQueryString({ type: 'staff.disabled', from: '2027-03-01', to: '2027-03-02' }, 'c1'),
    );
    expect(query.get('type')).toBe('staff.disabled');
    expect(query.get('cursor')).toBe('c1');
    const from = new Date(query.get('from')!);
    const to = new Date(query.get('to')!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours()]).toEqual([2027, 2, 1, 0]);
    // The end is the start of the day after "to", so events on 2 March are included.
    expect([to.getMonth(), to.getDate(), to.getHours()]).toEqual([2, 3, 0]);
  });
});
