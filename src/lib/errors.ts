/**
 * Why a load failed; the `code` of `credit-balance-error`. `config` is the host developer's mistake (an
 * attribute the widget cannot work with); `unexpected` is a fault in the widget itself.
 */
export type ErrorCode = 'config' | 'token' | 'auth' | 'network' | 'timeout' | 'http' | 'invalid-response' | 'unexpected';

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
