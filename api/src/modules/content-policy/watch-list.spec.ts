import { WatchList, dedupeWatchedWords } from './watch-list';
import { checkContent } from './content-policy';
import { DEFAULT_CRISIS_WORDING } from './crisis-wording';

describe(WatchList.name, () => {
  const sut = WatchList.compile(
    [
      { pattern: 'mord', action: 'hold' },
      { pattern: 'kill myself', action: 'crisis' },
      { pattern: 'selvmord*', action: 'crisis' },
    ],
    [{ pattern: 'Café Søs', action: 'hold' }],
  );

  it.each([
    ['et MORD.', { hold: true, crisis: false }],
    ['Mord!', { hold: true, crisis: false }],
    ['mørd', { hold: false, crisis: false }],
    ['mordere', { hold: false, crisis: false }],
    ['formord', { hold: false, crisis: false }],
    ['I want to Kill   myself', { hold: false, crisis: true }],
    ['kill-myself', { hold: false, crisis: true }],
    ['killmyself', { hold: false, crisis: false }],
    ['SELVMORDSTANKER', { hold: false, crisis: true }],
    ['sélvmord', { hold: false, crisis: true }],
    ['vi ses på cafe søs', { hold: true, crisis: false }],
    ['vi ses på cafe sos', { hold: false, crisis: false }],
    ['CAFÉ  SØS i morgen', { hold: true, crisis: false }],
  ])('matches %j as %j', (text, expected) => {
    expect(sut.match(text)).toEqual(expected);
  });

  it('matches nothing when empty', () => {
    expect(WatchList.EMPTY.match('mord og selvmord')).toEqual({ hold: false, crisis: false });
  });

  it('treats regular-expression characters in patterns as text', () => {
    const odd = WatchList.compile([{ pattern: 'a.b (c)', action: 'hold' }]);
    expect(odd.match('a b c')).toEqual({ hold: true, crisis: false });
    expect(odd.match('axb')).toEqual({ hold: false, crisis: false });
  });

  it('drops repeated patterns, ignoring case and accents', () => {
    expect(
      dedupeWatchedWords([
        { pattern: ' Mord ', action: 'hold' },
        { pattern: 'mord', action: 'hold' },
        { pattern: 'mord', action: 'crisis' },
      ]),
    ).toEqual([
      { pattern: 'Mord', action: 'hold' },
      { pattern: 'mord', action: 'crisis' },
    ]);
  });

  it('has default crisis wording in Danish and English', () => {
    const defaults = WatchList.compile(DEFAULT_CRISIS_WORDING);
    expect(defaults.match('Jeg tænker på selvmord').crisis).toBe(true);
    expect(defaults.match('jeg vil ikke leve mere').crisis).toBe(true);
    expect(defaults.match('I want to end my life').crisis).toBe(true);
    expect(defaults.match('Det var en god dag').crisis).toBe(false);
  });
});

describe('checkContent', () => {
  it('combines watched words and identifying information', () => {
    const list = WatchList.compile([{ pattern: 'hemmelig', action: 'hold' }]);
    expect(checkContent('hemmelig: ring 12345678', list)).toEqual({
      hold: true,
      crisis: false,
      identifying: ['phone'],
    });
    expect(checkContent('god aften', list)).toEqual({ hold: false, crisis: false, identifying: [] });
  });
});
