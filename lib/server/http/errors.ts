import "server-only";
import type { z } from "zod";

/** Every error code the API answers with, and its HTTP status. Documented in README § API errors. */
export const ERROR_STATUS = {
  INVALID_JSON: 400,
  BUDGET_EXCEEDED: 402,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  PROJECT_ARCHIVED: 409,
  NOT_CANCELLABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_ERROR: 422,
  WEAK_PASSWORD: 422,
  KEY_CHECK_FAILED: 422,
  UNSAFE_URL: 422,
  NO_PROVIDER: 422,
  CONTENT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  PROVIDER_ERROR: 502,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static validation(error: z.ZodError, where = "body"): AppError {
    return new AppError("VALIDATION_ERROR", `The request ${where} is invalid.`, {
      issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }

  static notFound(what: string): AppError {
    return new AppError("NOT_FOUND", `${what} not found.`);
  }
}

export type ErrorEnvelope = {
  success: false;
  error: ErrorCode;
  message: string;
  details: Record<string, unknown>;
};

export function errorResponse(error: AppError): Response {
  const body: ErrorEnvelope = { success: false, error: error.code, message: error.message, details: error.details };
  return Response.json(body, { status: error.status, headers: error.headers });
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "CONNECTION_CLOSED", "57P01"]);

/** Maps anything thrown to an AppError without leaking internals: unknown errors become a generic 500. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = pgErrorCode(error);
  if (code && CONNECTION_CODES.has(code)) {
    return new AppError(
      "SERVICE_UNAVAILABLE",
      "The database is unavailable. Try again shortly.",
      {},
      { "Retry-After": "5" },
    );
  }
  switch (code) {
    case "23505":
      return new AppError("CONFLICT", "This conflicts with an existing record.");
    case "23503":
      return new AppError("NOT_FOUND", "A referenced record does not exist.");
    case "23514":
    case "22P02":
    case "22003":
    case "22001":
      return new AppError("VALIDATION_ERROR", "A value is out of range or malformed.");
    case "42501":
      return new AppError("FORBIDDEN", "You cannot change this record.");
  }
  return new AppError("INTERNAL_ERROR", "Something went wrong on our side. It has been logged.");
}

/** The SQLSTATE (or socket error code) of a driver error, looking through wrapper errors' causes. */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
