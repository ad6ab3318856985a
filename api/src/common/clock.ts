import { Injectable } from '@nestjs/common';

/**
 * The app's only source of "now". Tests replace it (or, outside production, move it through
 * the test clock route) instead of faking timers, which would freeze socket.io and supertest.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves "now" by `ms` (outside production only; see TestClockController). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Sets "now" to an instant. */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
