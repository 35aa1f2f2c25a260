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
