// Expected failures as values with a status and a message a social worker understands.
export interface FieldError { field: string; message: string }

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly fieldErrors: FieldError[] = []) {
    super(message);
  }
}

/** 400/422: input that breaks a rule; each error names its field. */
export class ValidationError extends HttpError {
  constructor(fieldErrors: FieldError[], message = 'There is a problem with what was entered') {
    super(422, message, fieldErrors);
  }
}

/** 404 for both "does not exist" and "you may not see it", so a refusal reveals nothing. */
export class NotFoundOrNoAccess extends HttpError {
  constructor(what = 'record') {
    super(404, `That ${what} was not found, or you do not have access to it.`);
  }
}

export class Forbidden extends HttpError {
  constructor(message = 'Your role does not give you access to this page.') {
    super(403, message);
  }
}

/** 409: the record changed since it was read (optimistic concurrency). */
export class StaleVersion extends HttpError {
  constructor(what: string) {
    super(409, `Someone else changed this ${what} after you opened it. Nothing you typed has been saved over their change: reload to see the latest version, then make your change again.`, [
      { field: 'version', message: `This ${what} was changed by someone else after you opened it` },
    ]);
  }
}
