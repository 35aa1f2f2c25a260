/** The element's styles: the public custom properties read once into private ones, then every part's look. */
import { css } from 'lit';

/**
 * Public `--credit-balance-*` properties are read once on `:host` into private `--_*` ones; everything
 * below uses only the private ones. Colours follow the host's `color-scheme` through `light-dark()`.
 */
export const styles = css`
  :host {
    --_font: var(--credit-balance-font, inherit);
    --_text: var(--credit-balance-text-color, light-dark(#1f2328, #e6edf3));
    --_muted: var(--credit-balance-muted-color, light-dark(#59636e, #9198a1));
    --_background: var(--credit-balance-background-color, light-dark(#ffffff, #0d1117));
    --_surface: var(--credit-balance-surface-color, light-dark(#f6f8fa, #151b23));
    --_border: var(--credit-balance-border-color, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--credit-balance-accent-color, light-dark(#0969da, #4493f8));
    --_accent-text: var(--credit-balance-accent-text-color, light-dark(#ffffff, #0d1117));
    --_success: var(--credit-balance-success-color, light-dark(#1a7f37, #3fb950));
    --_warning: var(--credit-balance-warning-color, light-dark(#9a6700, #d29922));
    --_danger: var(--credit-balance-danger-color, light-dark(#d1242f, #f85149));
    --_radius: var(--credit-balance-radius, 8px);
    --_gap: var(--credit-balance-gap, 12px);

    display: block;
    container-type: inline-size;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.4;
  }

  /*
   * Text from the API (a unit's name, a credit's) may be one long word: it breaks where it would otherwise
   * overflow, and nowhere else (an amount, a currency sign or a word that fits is never broken). The boxes that
   * hold it may shrink below it, so it wraps rather than widen the widget.
   */
  .header,
  .header > *,
  .total,
  .total > *,
  .credit__head > *,
  .credit__figures > *,
  .credit__note,
  .credit__when {
    overflow-wrap: break-word;
    min-inline-size: 0;
  }

  /* In the schedule, the amount's column has a fixed minimum: it breaks only what overflows. Its figures line up. */
  .segment__amount {
    overflow-wrap: break-word;
    font-variant-numeric: tabular-nums;
  }

  /* Text from the API stands apart: its direction marks cannot turn the widget's own words around. */
  .credit__name {
    unicode-bidi: isolate;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /*
   * One column, as wide as the widget and never wider: what is in it wraps. A column of flex boxes, not of grids:
   * Chromium lays out 2,000 cards of grids in twice the time.
   */
  .base,
  .credits,
  .credit,
  .schedule,
  .timeline,
  .error,
  .skeleton {
    display: flex;
    flex-direction: column;
  }

  .base {
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    gap: var(--_gap);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_gap) / 2) var(--_gap);
  }

  .title {
    font-size: 1.125em;
    font-weight: 600;
  }

  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) / 2) var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .total {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.35em;
  }

  .total__amount {
    font-size: 1.25em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .total__label,
  .credit__granted,
  .credit__note,
  .credit__when,
  .segment__dates,
  .error__stale {
    color: var(--_muted);
  }

  .credits {
    gap: var(--_gap);
  }

  /*
   * Style containment (counters and quotes stay inside a card; nothing here uses them) lets the engine lay out
   * cards inside the host's size container one by one: without it, 2,000 cards shown at once took 30 s to lay out
   * in Chromium, growing with the square of their number.
   */
  .credit {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_gap);
    gap: calc(var(--_gap) / 2);
    contain: style;
  }

  .credit--expired {
    border-style: dashed;
  }

  .credit__head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: calc(var(--_gap) / 2);
  }

  .credit__name {
    font-weight: 600;
  }

  .credit__badges {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }

  .credit__figures {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.4em;
  }

  .credit__balance {
    font-size: 1.375em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .credit__note,
  .credit__when {
    margin: 0;
    font-size: 0.875em;
  }

  .badge {
    display: inline-block;
    padding-block: 0.1em;
    padding-inline: 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.75em;
    font-weight: 600;
  }

  /* A status in a schedule row is as wide as its word, at the row's end. */
  .segment > .badge {
    justify-self: end;
  }

  .badge--active {
    color: var(--_success);
  }

  .badge--upcoming {
    color: var(--_accent);
  }

  .badge--expired {
    color: var(--_muted);
  }

  .badge--expiring,
  .badge--low {
    color: var(--_warning);
  }

  .badge--next {
    color: var(--_accent-text);
    background: var(--_accent);
    border-color: var(--_accent);
  }

  .meter {
    block-size: 0.5em;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_border) 70%, transparent);
    overflow: hidden;
  }

  .meter__fill {
    block-size: 100%;
    inline-size: 100%;
    background: var(--_accent);
    transform-origin: left center;
    transform: scaleX(var(--_share, 0));
  }

  :host(:dir(rtl)) .meter__fill {
    transform-origin: right center;
  }

  .timeline {
    gap: 0.2em;
    font-size: 0.75em;
    color: var(--_muted);
  }

  /* The bars are the stops of one gradient (the template's --_bars), each in its status's colour, over the track's. */
  .timeline__track {
    --_bar-active: var(--_success);
    --_bar-upcoming: color-mix(in srgb, var(--_accent) 55%, transparent);
    --_bar-expired: color-mix(in srgb, var(--_muted) 45%, transparent);
    position: relative;
    block-size: 0.75rem;
    border-radius: 3px;
    background:
      linear-gradient(to right, var(--_bars)),
      color-mix(in srgb, var(--_border) 45%, transparent);
  }

  :host(:dir(rtl)) .timeline__track {
    background-image: linear-gradient(to left, var(--_bars));
  }

  .timeline__now {
    position: absolute;
    inset-block: -0.2rem;
    inset-inline-start: calc(var(--_at) * 100%);
    inline-size: 2px;
    background: var(--_text);
  }

  .timeline__axis {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
  }

  .timeline__labels {
    position: relative;
    block-size: 1.3em;
  }

  /* Anchored at the marker, on the side with room: it never leaves the track. */
  .timeline__now-label {
    position: absolute;
    inset-inline-start: calc(var(--_at) * 100%);
    padding-inline: 0.3em;
    font-weight: 600;
    white-space: nowrap;
  }

  .timeline__now-label--before {
    translate: -100%;
  }

  :host(:dir(rtl)) .timeline__now-label--before {
    translate: 100%;
  }

  .schedule-toggle summary {
    cursor: pointer;
    font-size: 0.875em;
    font-weight: 600;
    inline-size: fit-content;
  }

  .schedule-toggle[open] summary {
    margin-block-end: 0.25em;
  }

  .schedule {
    margin: 0;
    padding: 0;
    list-style: none;
    gap: 0.25em;
    font-size: 0.875em;
  }

  .segment {
    display: grid;
    grid-template-columns: minmax(6em, auto) minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.5em;
    padding-block: 0.25em;
    border-block-start: 1px solid var(--_border);
  }

  @container (max-width: 22rem) {
    .segment {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .segment > .badge {
      grid-area: 1 / 2;
    }
    .segment__dates {
      grid-column: 1 / -1;
    }
  }

  /*
   * The host's action, under the header at its end; while a balance is low or there is none, a row of its own as
   * wide as the widget. The host's own styles for it win over these.
   */
  ::slotted([slot='actions']) {
    align-self: flex-end;
  }

  :host(:state(low)) ::slotted([slot='actions']),
  :host(:state(empty)) ::slotted([slot='actions']) {
    align-self: stretch;
    text-align: center;
  }

  .empty {
    margin: 0;
    color: var(--_muted);
  }

  .notice {
    margin: 0;
    border-inline-start: 4px solid var(--_warning);
    padding-inline-start: var(--_gap);
  }

  .error {
    gap: calc(var(--_gap) / 2);
    align-items: flex-start;
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: var(--_gap);
  }

  .error p {
    margin: 0;
  }

  .retry {
    font: inherit;
    color: var(--_accent-text);
    background: var(--_accent);
    border: 0;
    border-radius: calc(var(--_radius) / 1.5);
    padding-block: 0.4em;
    padding-inline: 0.9em;
    cursor: pointer;
  }

  .retry:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .skeleton {
    gap: var(--_gap);
  }

  .skeleton__card {
    block-size: 5.5em;
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse {
    to {
      opacity: 0.45;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton__card {
      animation: none;
    }
  }

  .amount:is(:hover, :focus) > [aria-hidden] {
    display: none;
  }

  .visually-hidden,
  .amount:not(:hover, :focus) > .amount__exact {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
