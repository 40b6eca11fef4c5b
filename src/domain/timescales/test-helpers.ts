// Small builders for engine tests: a journey reads as a list of lines.

import type { JourneyEvent } from './events.ts';

export function ev(id: string, kind: string, date: string, more: Omit<Partial<JourneyEvent>, 'id' | 'kind' | 'date'> = {}): JourneyEvent {
  return { id, kind, date, ...more };
}

/** An event with a time on a clock in England: `at('m1', 'missing-return', '2025-03-28T13:00')`. */
export function at(id: string, kind: string, localDateTime: string, more: Omit<Partial<JourneyEvent>, 'id' | 'kind' | 'date' | 'at'> = {}): JourneyEvent {
  return { id, kind, date: localDateTime.slice(0, 10), at: localDateTime, ...more };
}
