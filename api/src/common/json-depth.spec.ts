import { droppedKey, nestsDeeperThan } from './json-depth';

const nested = (levels: number, open = '{"a":', close = '}') =>
  JSON.parse(open.repeat(levels) + '1' + close.repeat(levels)) as unknown;

describe(nestsDeeperThan.name, () => {
  it('counts objects and arrays as levels, the top level as 1, and scalars not at all', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan(nested(33, '[', ']'), 32)).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: 1 }], c: 'x' }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
  });

  it('walks 50,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(50_000, '[', ']'), 32)).toBe(true);
  });
});

describe(droppedKey.name, () => {
  it('finds a __proto__ or constructor field JSON.parse made, at any depth, and nothing in ordinary bodies', () => {
    expect(droppedKey(JSON.parse('{"locale":"da","__proto__":{"isAdmin":true}}'))).toBe('__proto__');
    expect(droppedKey(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toBe('__proto__');
    expect(droppedKey(JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}'))).toBe('constructor');
    expect(droppedKey(JSON.parse('{"answers":{"1":"yes","constructor":"no"}}'))).toBe('constructor');
    expect(droppedKey(JSON.parse('{"a":[{"proto":1}],"prototype":"x","text":"constructor"}'))).toBeNull();
    expect(droppedKey({ a: 1 })).toBeNull();
  });
});
