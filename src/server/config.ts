/**
 * A mistake in the companion's options, found before it serves, as data: the options it concerns (dotted, as
 * `hostJwt.secret` or `limits.burst`) and the rule they break. Whoever reports it words it its own way: the
 * standalone server names its environment variables instead.
 */
export class ConfigError extends TypeError {
  override readonly name = 'ConfigError';

  constructor(
    /** The option the rule is about, or the alternatives it asks to choose from. */
    readonly options: readonly string[],
    /** What the rule asks, worded to follow their names: `"must be at least 32 bytes."`. */
    readonly rule: string,
  ) {
    super(`createCreditBalanceHandler: ${orList(options)} ${rule}`);
  }
}

/** `a`, `a or b`, `a, b or c`. */
export const orList = (names: readonly string[]): string =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/** Throws the {@link ConfigError} for `option` (or its alternatives) and `rule`. */
export function configError(option: string | readonly string[], rule: string): never {
  throw new ConfigError(typeof option === 'string' ? [option] : option, rule);
}

/** The longest timer Node and browsers keep: past it, one fires after 1 ms instead (Node says so only in a warning). */
export const MAX_TIMER_MS = 2_147_483_647;

/** A whole number of ms from 1 to {@link MAX_TIMER_MS}, for `option`. */
export function checkedTimer(option: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1 && value <= MAX_TIMER_MS))
    configError(option, `must be a whole number of ms from 1 to ${MAX_TIMER_MS}.`);
  return value;
}

/**
 * An http(s) URL for `option`, without a user name or password (a secret has an option of its own). Its value
 * is never repeated in the error: it may hold one.
 */
export function checkedUrl(option: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return configError(option, 'is not a URL (its value is not repeated here: it may hold a secret).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') configError(option, 'must be an http(s) URL.');
  if (url.username || url.password) configError(option, 'must not carry a user name or password.');
  return url;
}
