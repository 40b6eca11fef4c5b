// Children who go missing: a return home interview offered within 72 hours of return (Statutory
// guidance on children who run away or go missing from home or care, 2014).

import type { Rule } from '../journey.ts';
import { simpleRule } from './simple.ts';

export const missingRules: Rule[] = [simpleRule('rhi')];
