import { act, renderHook } from '@testing-library/react';
import { useRecentlyActive } from './use-recently-active';

describe(useRecentlyActive.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('turns off after the idle time without use, and on again at the next key press', () => {
    const { result } = renderHook(() => useRecentlyActive(1_000));
    expect(result.current).toBe(true);
    act(() => jest.advanceTimersByTime(999));
    expect(result.current).toBe(true);
    act(() => jest.advanceTimersByTime(1));
    expect(result.current).toBe(false);
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    });
    expect(result.current).toBe(true);
  });

  it('restarts the idle time with each use', () => {
    const { result } = renderHook(() => useRecentlyActive(1_000));
    act(() => jest.advanceTimersByTime(800));
    act(() => {
      window.dispatchEvent(new Event('pointerdown'));
    });
    act(() => jest.advanceTimersByTime(800));
    expect(result.current).toBe(true);
    act(() => jest.advanceTimersByTime(200));
    expect(result.current).toBe(false);
  });
});
