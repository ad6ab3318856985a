import { isRangeInvalid, listFiltersOf, NO_FILTERS } from './list-filters';

const CPH = 'Europe/Copenhagen';

describe(listFiltersOf.name, () => {
  it('asks for everything when nothing is chosen', () => {
    expect(listFiltersOf(NO_FILTERS, CPH)).toEqual({});
  });

  it('maps the type, key examples and an inclusive date range in Danish time', () => {
    expect(listFiltersOf({ contactType: 'threat', from: '2026-11-01', to: '2026-11-30', keyOnly: true }, CPH)).toEqual({
      contactType: 'threat',
      keyExample: true,
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
    });
  });

  it('leaves out a range whose start is after its end, and says so', () => {
    const filters = { ...NO_FILTERS, from: '2026-12-01', to: '2026-11-01' };
    expect(isRangeInvalid(filters)).toBe(true);
    expect(listFiltersOf(filters, CPH)).toEqual({});
    expect(isRangeInvalid({ ...filters, to: '2026-12-01' })).toBe(false);
  });
});
