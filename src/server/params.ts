// Record ids from the path or query: whole numbers a PostgreSQL integer column can hold. Anything else
// names no record, so it is "not found or no access", the same answer a missing record gets. The
// router applies isRecordId to every id parameter before a handler runs (app.ts); handlers read
// them with idParam, and ids from a query string or form with recordId.
import type { Request } from 'express';
import { NotFoundOrNoAccess } from './errors.ts';

const MAX_ID = 2_147_483_647;

export function isRecordId(value: unknown): boolean {
  return /^[1-9]\d{0,9}$/.test(String(value)) && Number(value) <= MAX_ID;
}

/** A record id from a query string or form field; 404 ("not found or no access") if it cannot be one. */
export function recordId(value: unknown, what = 'record'): number {
  if (!isRecordId(value)) throw new NotFoundOrNoAccess(what);
  return Number(value);
}

/** A record id from the path (`:id`, `:planId`...). */
export function idParam(req: Request, name = 'id', what = 'record'): number {
  return recordId(req.params[name], what);
}
