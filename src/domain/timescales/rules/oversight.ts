// Supervision of workers and management oversight of a child's file: local practice standards.

import { chain, type Journey, type Rule } from '../journey.ts';
import type { Clock } from '../obligation.ts';
import { recurringRule } from './recurring.ts';

/** Supervision runs per worker (attrs.worker); supervisions without a worker form one run. */
const supervision: Rule = {
  ids: ['supervision'],
  evaluate(journey: Journey): Clock[] {
    const definition = journey.definition('supervision');
    const workerOf = (event: { attrs?: Record<string, unknown> }) =>
      typeof event.attrs?.worker === 'string' ? event.attrs.worker : '';
    const firsts = new Map<string, (typeof journey.events)[number]>();
    for (const event of journey.ofKind('supervision')) if (!firsts.has(workerOf(event))) firsts.set(workerOf(event), event);
    return [...firsts].flatMap(([worker, first]) =>
      chain(journey, first, undefined, () => ({ def: definition }), (event) => workerOf(event) === worker),
    );
  },
};

export const oversightRules: Rule[] = [supervision, recurringRule('management-oversight')];
