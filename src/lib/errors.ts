/**
 * Why a load failed; the `code` of `credit-balance-error`. `config` is the host developer's mistake (an
 * attribute the widget cannot work with); `unexpected` is a fault in the widget itself.
 */
export type ErrorCode = 'config' | 'token' | 'auth' | 'network' | 'timeout' | 'http' | 'invalid-response' | 'unexpected';

/** What `credit-balance-error` carries. */
export interface ErrorDetail {
  code: ErrorCode;
  status?: number;
  /** For developers and logs: what went wrong, naming the attribute, status or field. */
  message: string;
  /** The underlying error, where one was wrapped (a failed token request, an unexpected exception). */
  cause?: unknown;
}

/** The one error type the loading code throws (besides an `AbortError` when the caller aborts). */
export class CreditBalanceError extends Error {
  override readonly name = 'CreditBalanceError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
