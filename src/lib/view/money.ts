/** Credit types to units (USD cents, ISO currencies, custom units) and amounts formatted exactly, as decimal strings. */
import type { CreditType } from '../credit.js';
import { USD_CENTS_ID } from '../metronome.js';
import { memo } from '../tuple-map.js';

/** How amounts of a credit type are read and shown. */
export type Unit =
  { kind: 'currency'; currency: string; /** API amount per display unit */ divisor: number } | { kind: 'custom'; name: string };

const isoCodes = new Set(Intl.supportedValuesOf('currency'));

export function unitOf(creditType: CreditType): Unit {
  if (creditType.id === USD_CENTS_ID || /^USD \(cents\)/i.test(creditType.name)) {
    return { kind: 'currency', currency: 'USD', divisor: 100 };
  }
  const code = creditType.name.trim();
  if (/^[A-Z]{3}$/.test(code) && isoCodes.has(code)) return { kind: 'currency', currency: code, divisor: 1 };
  return { kind: 'custom', name: creditType.name };
}

/** An API amount in the unit people read: dollars for `USD (cents)`, the amount itself otherwise. */
export const toDisplayAmount = (amount: number, creditType: CreditType): number => {
  const unit = unitOf(creditType);
  return unit.kind === 'currency' ? amount / unit.divisor : amount;
};

/** A string from the API, isolated so its direction marks cannot turn the widget's own words around. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** Extra decimals allowed beyond the unit's usual ones, so 0.8 cents reads $0.008 rather than $0.01. */
const EXTRA_DIGITS = 4;

/**
 * `value × 10^-shift` as an exact decimal string (no floating-point division: 5e-324 cents stays non-zero),
 * with its decimal exponent and how many decimals it has when written out.
 */
function shifted(value: number, shift: number): { decimal: Intl.StringNumericLiteral; exponent: number; decimals: number } {
  const [mantissa = '0', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp) - shift;
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return { decimal: `${mantissa}e${exponent}` as Intl.StringNumericLiteral, exponent, decimals: Math.max(0, fraction - exponent) };
}

/**
 * Formats amounts in credit types for one locale, caching its `Intl` formatters.
 *
 * Money is shown as billing pages show it, in the currency's minor unit ($165.46), and never as more than there
 * is: digits beyond the minor unit are cut, not rounded ($165.466 reads $165.46, not $165.47), and a non-zero
 * amount below one minor unit reads "< $0.01", never "$0.00". {@link exactAmount} has every digit (the unit's
 * usual precision plus four, never rounded to zero): what `exact-amounts` shows instead, and what a cut amount
 * reveals on hover, on focus and to screen readers. Custom units are shown exactly.
 */
export class MoneyFormat {
  /** @param exact Every amount exact (`exact-amounts`): the host wants every digit. */
  constructor(
    readonly locale: string,
    readonly exact = false,
  ) {}

  /** A currency's format (a plain number's without one) with `minDigits` to `digits` decimals, cut or rounded to them. */
  readonly #format = memo(
    (currency: string | undefined, minDigits: number, digits: number, roundingMode: 'trunc' | 'halfExpand' = 'halfExpand') =>
      new Intl.NumberFormat(this.locale, {
        ...(currency && { style: 'currency', currency }),
        minimumFractionDigits: minDigits,
        maximumFractionDigits: digits,
        roundingMode,
      }),
  );

  /** Below `10^-digits` but not zero: "< $0.01" (or "> -$0.01"), the bound it does not reach. */
  #bound(value: number, digits: number, currency?: string): string {
    const smallest = this.#format(currency, digits, digits).format(`${value < 0 ? '-' : ''}1e-${digits}` as Intl.StringNumericLiteral);
    return `${value < 0 ? '>' : '<'} ${smallest}`;
  }

  /**
   * `value × 10^-shift`, with at least `minDigits` decimals and at most four more. A non-zero amount too
   * small for that precision reads "< $0.000001" (or "> -$0.000001"): never zero, never a row of zeros.
   */
  #number(value: number, shift: number, minDigits: number, currency?: string): string {
    const { decimal, exponent, decimals } = shifted(value, shift);
    const maxDigits = minDigits + EXTRA_DIGITS;
    if (value !== 0 && exponent < -maxDigits) return this.#bound(value, maxDigits, currency);
    return this.#format(currency, minDigits, Math.min(Math.max(minDigits, decimals), maxDigits)).format(decimal);
  }

  /** `value × 10^-shift` cut to the currency's `digits` decimals; below one minor unit, the bound. */
  #minorUnits(value: number, shift: number, digits: number, currency: string): string {
    const { decimal, exponent } = shifted(value, shift);
    if (value !== 0 && exponent < -digits) return this.#bound(value, digits, currency);
    return this.#format(currency, digits, digits, 'trunc').format(decimal);
  }

  /** The usual number of decimals of a currency in this locale (USD 2, JPY 0, BHD 3). */
  readonly #currencyDigits = memo(
    (currency: string) => new Intl.NumberFormat(this.locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2,
  );

  readonly #amounts = memo((amount: number, id: string, name: string, exact: boolean) => this.#amount(amount, { id, name }, exact));

  /**
   * An amount as shown: "$12.50", "€10.00", "1,250 API calls" (a custom unit's name isolated, see {@link isolate}),
   * in the currency's minor unit unless the format is {@link exact}. An amount at the edge of the range (a sum
   * past it) reads as the bound it is: "> $1.797…".
   */
  amount(amount: number, creditType: CreditType): string {
    return this.#text(amount, creditType, this.exact);
  }

  /** An amount with every digit: "$165.466" where {@link amount} shows "$165.46". */
  exactAmount(amount: number, creditType: CreditType): string {
    return this.#text(amount, creditType, true);
  }

  #text(amount: number, creditType: CreditType, exact: boolean): string {
    const text = this.#amounts(amount, creditType.id, creditType.name, exact);
    return Math.abs(amount) >= Number.MAX_VALUE ? `${amount > 0 ? '>' : '<'} ${text}` : text;
  }

  /** A share as a percentage: 0.5 → "50%" ("50 %" in German). */
  percent(share: number): string {
    return this.#percent.format(share);
  }

  readonly #percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 2 });

  #amount(amount: number, creditType: CreditType, exact: boolean): string {
    const unit = unitOf(creditType);
    if (unit.kind === 'currency') {
      const shift = Math.log10(unit.divisor);
      const digits = this.#currencyDigits(unit.currency);
      return exact ? this.#number(amount, shift, digits, unit.currency) : this.#minorUnits(amount, shift, digits, unit.currency);
    }
    const number = this.#number(amount, 0, 0);
    return unit.name.trim() ? `${number} ${isolate(unit.name)}` : number;
  }
}
