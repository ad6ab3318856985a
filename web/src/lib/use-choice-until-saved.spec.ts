import { act, renderHook } from '@testing-library/react';
import { useChoiceUntilSaved } from './use-choice-until-saved';

describe(useChoiceUntilSaved.name, () => {
  it('shows the saved value, then the choice from the moment it is made, then the saved value again once settled', () => {
    const saves: Array<{ value: boolean; settled: () => void }> = [];
    const save = (value: boolean, settled: () => void) => saves.push({ value, settled });
    const { result, rerender } = renderHook(({ saved }) => useChoiceUntilSaved(saved, save), { initialProps: { saved: false } });
    expect(result.current.value).toBe(false);
    act(() => result.current.change(true));
    expect(result.current.value).toBe(true);
    expect(saves.map((s) => s.value)).toEqual([true]);
    // The old value read again while saving does not turn the switch back.
    rerender({ saved: false });
    expect(result.current.value).toBe(true);
    expect(result.current.pending).toBe(true);
    // A second click while saving sends nothing.
    act(() => result.current.change(false));
    expect(saves).toHaveLength(1);
    rerender({ saved: true });
    act(() => saves[0].settled());
    expect(result.current).toMatchObject({ value: true, pending: false });
    // Settled: the saved value rules again (changed elsewhere, the switch follows).
    rerender({ saved: false });
    expect(result.current.value).toBe(false);
    // A refused change: settled with the saved value unchanged, the switch shows it.
    act(() => result.current.change(true));
    expect(result.current.value).toBe(true);
    act(() => saves[1].settled());
    expect(result.current.value).toBe(false);
  });
});
