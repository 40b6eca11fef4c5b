// Emergency protection and court: police protection (Children Act 1989 s46), emergency protection
// orders (s45), the Public Law Outline pre-proceedings stage, and the 26-week limit on care
// proceedings (Children and Families Act 2014 s14).

import type { Rule } from '../journey.ts';
import { simpleRule } from './simple.ts';

export const courtRules: Rule[] = [
  simpleRule('police-protection'),
  simpleRule('epo'),
  simpleRule('pre-proceedings'),
  simpleRule('care-proceedings'),
];
