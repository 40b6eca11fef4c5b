// Dates as GOV.UK style asks: "13 May 2025", and times in England's local time.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { toLondonDate } from '../domain/calendar/london-time.ts';

const LONDON = 'Europe/London';

export function formatDate(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return format(new Date(y, m - 1, d), 'd MMMM yyyy');
  }
  return format(new TZDate(new Date(value).getTime(), LONDON), 'd MMMM yyyy');
}

export function formatDateTime(value: string | Date): string {
  return format(new TZDate(new Date(value).getTime(), LONDON), "d MMMM yyyy 'at' h:mmaaa");
}

/** The London calendar date of an instant, as YYYY-MM-DD (a contact at 00:30 BST on 1 June is 1 June). */
export function londonDate(value: Date): string {
  return toLondonDate(value.toISOString());
}
