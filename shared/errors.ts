/** The error codes of the contract (DESIGN.md §2) and how the envelope carries them. */
export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'STORAGE', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ValidationIssue {
  /** Dotted path of the field, '' for the whole input. */
  path: string;
  /** An i18n key (`validation.*`) or zod's own message. */
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ValidationIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Thrown by handlers and by the renderer's API client; carries one contract error. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** HTTP status for each code, used by the browser-mode transport. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STORAGE: 500,
  INTERNAL: 500,
};
