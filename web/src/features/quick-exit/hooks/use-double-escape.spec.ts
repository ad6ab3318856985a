import { act, renderHook } from '@testing-library/react';
import { createDoubleEscapeDetector, useDoubleEscape } from './use-double-escape';

describe(createDoubleEscapeDetector.name, () => {
  function setup() {
    let time = 0;
    const onTrigger = jest.fn();
    const detect = createDoubleEscapeDetector(onTrigger, () => time);
    const press = (key: string, at: number) => {
      time = at;
      detect({ key });
    };
    return { onTrigger, press };
  }

  it('triggers on two Escape presses within one second', () => {
    const { onTrigger, press } = setup();
    press('Escape', 10_000);
    expect(onTrigger).not.toHaveBeenCalled();
    press('Escape', 10_900);
    expect(onTrigger).toHaveBeenCalledTimes(1);
  });

  it('does not trigger when the presses are more than a second apart', () => {
    const { onTrigger, press } = setup();
    press('Escape', 10_000);
    press('Escape', 11_001);
    press('Escape', 12_500);
    expect(onTrigger).not.toHaveBeenCalled();
  });

  it('starts counting again after a trigger, and ignores other keys', () => {
    const { onTrigger, press } = setup();
    press('Escape', 0);
    press('Escape', 100);
    press('Escape', 200);
    expect(onTrigger).toHaveBeenCalledTimes(1);
    press('a', 300);
    press('Escape', 1_500);
    expect(onTrigger).toHaveBeenCalledTimes(1);
    press('Escape', 2_000);
    expect(onTrigger).toHaveBeenCalledTimes(2);
  });
});

describe(useDoubleEscape.name, () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  function escapeIn(target: EventTarget) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  }

  it('hears Escape inside an input that stops it from bubbling (window, capture phase)', () => {
    const onTrigger = jest.fn();
    renderHook(() => useDoubleEscape(onTrigger));
    const input = document.createElement('input');
    input.addEventListener('keydown', (event) => event.stopPropagation());
    document.body.append(input);
    input.focus();

    act(() => escapeIn(input));
    jest.advanceTimersByTime(400);
    act(() => escapeIn(input));
    expect(onTrigger).toHaveBeenCalledTimes(1);
    input.remove();
  });

  it('does not trigger when the second press comes after more than a second', () => {
    const onTrigger = jest.fn();
    renderHook(() => useDoubleEscape(onTrigger));
    act(() => escapeIn(document.body));
    jest.advanceTimersByTime(1_200);
    act(() => escapeIn(document.body));
    expect(onTrigger).not.toHaveBeenCalled();
  });

  it('stops listening when unmounted', () => {
    const onTrigger = jest.fn();
    const { unmount } = renderHook(() => useDoubleEscape(onTrigger));
    unmount();
    act(() => escapeIn(document.body));
    act(() => escapeIn(document.body));
    expect(onTrigger).not.toHaveBeenCalled();
  });
});

describe('the first Escape press', () => {
  it('is reported, so the page can say that a second press leaves', () => {
    let time = 0;
    const onTrigger = jest.fn();
    const onFirstPress = jest.fn();
    const detect = createDoubleEscapeDetector(onTrigger, () => time, 1000, onFirstPress);
    detect({ key: 'Escape' });
    expect(onFirstPress).toHaveBeenCalledTimes(1);
    time = 500;
    detect({ key: 'Escape' });
    expect(onTrigger).toHaveBeenCalledTimes(1);
    expect(onFirstPress).toHaveBeenCalledTimes(1);
  });
});
