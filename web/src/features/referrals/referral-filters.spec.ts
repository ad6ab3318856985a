import { ALL_REFERRALS, filterReferrals } from './referral-filters';

const items = [
  { id: '1', status: 'issued', groupId: 'a' },
  { id: '2', status: 'approved', groupId: 'a' },
  { id: '3', status: 'issued', groupId: 'b' },
] as const;

describe(filterReferrals.name, () => {
  it('keeps everything with no filter, and narrows by status, by group, and by both', () => {
    expect(filterReferrals(items, ALL_REFERRALS).map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(filterReferrals(items, { status: 'issued', groupId: '' }).map((r) => r.id)).toEqual(['1', '3']);
    expect(filterReferrals(items, { status: '', groupId: 'a' }).map((r) => r.id)).toEqual(['1', '2']);
    expect(filterReferrals(items, { status: 'issued', groupId: 'b' }).map((r) => r.id)).toEqual(['3']);
  });
});
