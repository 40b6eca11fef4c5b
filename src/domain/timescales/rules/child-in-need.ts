// Child in need plans: reviews and visits at the council's local intervals.

import type { Rule } from '../journey.ts';
import { recurringRule } from './recurring.ts';

export const childInNeedRules: Rule[] = [recurringRule('cin-plan-review'), recurringRule('cin-visit')];
