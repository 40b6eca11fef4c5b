// Reading a journey: events in order, finding what stops a clock, what ends an episode, and
// walking recurring clocks that restart from the date the last one actually happened
// (timescales.md, Notes).

import { parseMoment, type IsoDate, type Moment } from '../calendar/working-days.ts';
import { DEFINITIONS, type AttrTest, type StartPoint, type TimescaleDefinition, type TimescaleId } from './definitions.ts';
import { ENDING_PHRASES, isEventKind, type EventKind, type JourneyEvent, type JourneyInput } from './events.ts';
import type { Clock, ClockStart, Lapse } from './obligation.ts';

/** A known event, in journey order. */
export interface Ev extends JourneyEvent {
  kind: EventKind;
  order: number;
}

export interface DueSoonOptions {
  /** An obligation this many working days or fewer ahead is due soon. Default 5. */
  dueSoonWorkingDays: number;
  /** An hour-based obligation this many hours or fewer ahead is due soon. Default 24. */
  dueSoonHours: number;
}

export class Journey {
  readonly events: readonly Ev[];
  readonly byId: ReadonlyMap<string, Ev>;
  readonly dateOfBirth: IsoDate | undefined;
  private readonly definitions: ReadonlyMap<string, TimescaleDefinition>;

  constructor(
    input: JourneyInput,
    readonly today: IsoDate,
    readonly now: Moment,
    definitions: readonly TimescaleDefinition[],
    readonly options: DueSoonOptions,
  ) {
    this.dateOfBirth = input.dateOfBirth;
    // Events after "now" have not happened yet as far as this evaluation is concerned, so a
    // journey can be evaluated as it stood on any past date. Same-day events keep input order.
    this.events = input.events
      .map((event, order) => ({ ...event, order }))
      .filter((event): event is Ev => isEventKind(event.kind) && event.date <= today)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
    this.byId = new Map(this.events.map((event) => [event.id, event]));
    this.definitions = new Map(definitions.map((definition) => [definition.id, definition]));
  }

  /** The council's definition, or the shipped one when the caller passed a subset. */
  definition(id: TimescaleId): TimescaleDefinition {
    const found = this.definitions.get(id) ?? DEFINITIONS.find((definition) => definition.id === id);
    if (!found) throw new Error(`Unknown timescale "${id}"`);
    return found;
  }

  ofKind(...kinds: readonly string[]): Ev[] {
    return this.events.filter((event) => kinds.includes(event.kind));
  }
}

export function matchesAttrs(event: JourneyEvent, test: AttrTest): boolean {
  for (const [key, value] of Object.entries(test.where ?? {})) if (event.attrs?.[key] !== value) return false;
  for (const [key, value] of Object.entries(test.whereNot ?? {})) if (event.attrs?.[key] === value) return false;
  return true;
}

export function startsFrom(definition: TimescaleDefinition, event: Ev): StartPoint | undefined {
  return definition.starts.find((start) => start.kind === event.kind && matchesAttrs(event, start));
}

export function clockStart(definition: TimescaleDefinition, event: Ev): ClockStart {
  const phrase = definition.starts.find((start) => start.kind === event.kind)?.phrase ?? `the ${event.kind}`;
  return { eventId: event.id, date: event.date, ...(event.at ? { at: event.at } : {}), phrase };
}

function isAfter(event: Ev, start: ClockStart, startOrder: number | undefined): boolean {
  if (event.date !== start.date) return event.date > start.date;
  if (event.at && start.at) return parseMoment(event.at).epochMs >= parseMoment(start.at).epochMs;
  return startOrder === undefined || event.order > startOrder;
}

export interface StopSearch {
  /** Stops already used by an earlier clock in the same chain. */
  consumed?: ReadonlySet<string>;
  /** Nothing after this date counts (the episode ended). */
  until?: IsoDate;
  /** Windows: nothing before this date counts. */
  from?: IsoDate;
  /** Other ids a stop may ref and still count (the episode's opening event). */
  alsoRefs?: readonly string[];
  /** A further test, such as "the same worker". */
  accept?: (event: Ev) => boolean;
}

/**
 * What stops a clock: a stop event whose ref is the start counts whatever its date (a plan made
 * before the placement); otherwise, for 'first-after' definitions, the first stop on or after
 * the start whose ref does not name some other event.
 */
export function findStop(journey: Journey, definition: TimescaleDefinition, start: ClockStart, search: StopSearch = {}): Ev | undefined {
  const startOrder = journey.byId.get(start.eventId)?.order;
  const refs = new Set([start.eventId, ...(search.alsoRefs ?? [])]);
  return journey.ofKind(...definition.stops.kinds).find((event) => {
    if (event.id === start.eventId || search.consumed?.has(event.id)) return false;
    if (!matchesAttrs(event, definition.stops)) return false;
    if (search.accept && !search.accept(event)) return false;
    if (search.until !== undefined && event.date > search.until) return false;
    if (search.from !== undefined && event.date < search.from) return false;
    if (event.ref === start.eventId) return true;
    if (definition.stops.link === 'ref') return false;
    if (event.ref !== undefined && !refs.has(event.ref)) return false;
    return isAfter(event, start, startOrder);
  });
}

/** The first event after `start` that ends its plan or episode. */
export function findLapse(journey: Journey, kinds: readonly EventKind[] | undefined, start: Ev): Lapse | undefined {
  if (!kinds?.length) return undefined;
  const ending = journey.ofKind(...kinds).find((event) => event.id !== start.id && (event.date > start.date || (event.date === start.date && event.order > start.order)));
  return ending ? { date: ending.date, phrase: ENDING_PHRASES[ending.kind] ?? `the ${ending.kind}` } : undefined;
}

export function earlierLapse(a: Lapse | undefined, b: Lapse | undefined): Lapse | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.date < a.date ? b : a;
}

export interface Episode {
  open: Ev;
  close?: Ev;
  lapse?: Lapse;
}

/**
 * Periods from an opening event to the first closing event after it (a CP plan, a period of care,
 * a placement). An opening event inside an open period is ignored, except that a kind may both
 * close one period and open the next (a new placement ends the last).
 */
export function episodes(journey: Journey, opens: readonly StartPoint[], closes: readonly EventKind[]): Episode[] {
  const out: Episode[] = [];
  let current: Episode | undefined;
  for (const event of journey.events) {
    if (current && closes.includes(event.kind)) {
      current.close = event;
      current.lapse = { date: event.date, phrase: ENDING_PHRASES[event.kind] ?? `the ${event.kind}` };
      out.push(current);
      current = undefined;
    }
    if (!current && opens.some((start) => start.kind === event.kind && matchesAttrs(event, start))) current = { open: event };
  }
  if (current) out.push(current);
  return out;
}

export function inEpisode(episode: Episode, date: IsoDate): boolean {
  return date >= episode.open.date && (!episode.close || date <= episode.close.date);
}

export function toStop(event: Ev, metOn: IsoDate = event.date): NonNullable<Clock['stop']> {
  return { eventId: event.id, date: metOn, ...(event.at ? { at: event.at } : {}) };
}

/** A clock that runs once from one event. */
export function oneShot(journey: Journey, definition: TimescaleDefinition, start: Ev, lapse = findLapse(journey, definition.lapsesOn, start)): Clock {
  const from = clockStart(definition, start);
  const stop = findStop(journey, definition, from, lapse ? { until: lapse.date } : {});
  return { def: definition, start: from, ...(stop ? { stop: toStop(stop) } : { ...(lapse ? { lapse } : {}) }) };
}

export interface ChainLink {
  def: TimescaleDefinition;
  notes?: string[];
}

/**
 * A recurring clock: from the anchor, then from each stop as it actually happened, until a clock
 * is still running or the episode ends. `pick` chooses the timescale for the k-th clock.
 */
export function chain(
  journey: Journey,
  anchor: Ev,
  lapse: Lapse | undefined,
  pick: (k: number, previous: Ev) => ChainLink,
  accept?: (event: Ev) => boolean,
): Clock[] {
  const clocks: Clock[] = [];
  const consumed = new Set<string>([anchor.id]);
  let previous = anchor;
  for (let k = 0; ; k += 1) {
    const { def, notes } = pick(k, previous);
    const start = clockStart(def, previous);
    const stop = findStop(journey, def, start, {
      consumed, alsoRefs: [anchor.id], ...(lapse ? { until: lapse.date } : {}), ...(accept ? { accept } : {}),
    });
    clocks.push({
      def, start, ...(notes?.length ? { notes } : {}),
      ...(stop ? { stop: toStop(stop) } : { ...(lapse ? { lapse } : {}) }),
    });
    if (!stop) return clocks;
    consumed.add(stop.id);
    previous = stop;
  }
}

/** Finds the clocks for one or more timescales in a journey. Every timescale id has exactly one rule. */
export interface Rule {
  ids: readonly TimescaleId[];
  evaluate(journey: Journey): Clock[];
}
