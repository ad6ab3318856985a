import { Injectable } from '@nestjs/common';

/**
 * The app's only source of "now". Tests replace it (or, outside production, move it through
 * the test clock route) instead of faking timers, which would freeze socket.io and supertest.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private readonly movedListeners = new Set<() => void>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves "now" by `ms` (outside production only; see TestClockController). */
  advance(ms: number): void {
    this.offsetMs += ms;
    this.moved();
  }

  /** Sets "now" to an instant. */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
    this.moved();
  }

  reset(): void {
    this.offsetMs = 0;
    this.moved();
  }

  /** Hears every move of the clock (tests only move it): time-driven work can look again at once. */
  onMoved(listener: () => void): () => void {
    this.movedListeners.add(listener);
    return () => this.movedListeners.delete(listener);
  }

  private moved(): void {
    for (const listener of this.movedListeners) listener();
  }
}
