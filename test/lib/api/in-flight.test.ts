import { expect } from '@open-wc/testing';
import { InFlightLoads } from '../../../src/lib/api/in-flight.js';

/** A load whose steps the test releases one by one. */
function controllable() {
  let starts = 0;
  let abortedWith: unknown;
  const gates: (() => void)[] = [];
  const start = async function* (signal: AbortSignal) {
    starts += 1;
    signal.addEventListener('abort', () => (abortedWith = signal.reason));
    for (let i = 1; i <= 3; i++) {
      await new Promise<void>((resolve) => gates.push(resolve));
      signal.throwIfAborted();
      yield Array.from({ length: i }, (_, n) => n);
    }
  };
  const step = async () => {
    while (!gates.length) await new Promise((resolve) => setTimeout(resolve));
    gates.shift()!();
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { start, step, starts: () => starts, abortedWith: () => abortedWith };
}

async function collect<T>(values: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const value of values) seen.push(value);
  return seen;
}

const never = () => new AbortController().signal;

describe('InFlightLoads', () => {
  it('runs one load for every follower of the same key', async () => {
    const loads = new InFlightLoads<number[]>();
    const load = controllable();
    const a = collect(loads.follow(['k'], load.start, never()));
    const b = collect(loads.follow(['k'], load.start, never()));
    for (let i = 0; i < 3; i++) await load.step();
    expect(await a).to.deep.equal([[0], [0, 1], [0, 1, 2]]);
    expect(await b).to.deep.equal([[0], [0, 1], [0, 1, 2]]);
    expect(load.starts()).to.equal(1);
  });

  it('gives a late follower the latest value, then the rest', async () => {
    const loads = new InFlightLoads<number[]>();
    const load = controllable();
    const early = collect(loads.follow(['k'], load.start, never()));
    await load.step();
    await load.step();
    const late = collect(loads.follow(['k'], load.start, never()));
    await load.step();
    expect(await late).to.deep.equal([
      [0, 1],
      [0, 1, 2],
    ]);
    expect((await early).length).to.equal(3);
  });

  it('keys by tuples: parts a joined string would confuse stay apart, and equal tuples meet', async () => {
    const loads = new InFlightLoads<number[]>();
    const load = controllable();
    const a = collect(loads.follow(['a|b', 'c'], load.start, never()));
    const b = collect(loads.follow(['a', 'b|c'], load.start, never()));
    const c = collect(loads.follow(['a|b', 'c'], load.start, never()));
    for (let i = 0; i < 6; i++) await load.step();
    await Promise.all([a, b, c]);
    expect(load.starts()).to.equal(2);
  });

  it('keeps different keys apart, and starts again once a load has finished', async () => {
    const loads = new InFlightLoads<number[]>();
    const load = controllable();
    const a = collect(loads.follow(['a'], load.start, never()));
    const b = collect(loads.follow(['b'], load.start, never()));
    for (let i = 0; i < 6; i++) await load.step();
    await Promise.all([a, b]);
    const again = collect(loads.follow(['a'], load.start, never()));
    for (let i = 0; i < 3; i++) await load.step();
    await again;
    expect(load.starts()).to.equal(3);
  });

  it('goes on for the others when one follower aborts, and stops when all have', async () => {
    const loads = new InFlightLoads<number[]>();
    const load = controllable();
    const quitter = new AbortController();
    const stayer = new AbortController();
    const quitting = collect(loads.follow(['k'], load.start, quitter.signal)).catch((e: unknown) => e);
    const staying = collect(loads.follow(['k'], load.start, stayer.signal)).catch((e: unknown) => e);
    await load.step();
    quitter.abort();
    expect(((await quitting) as DOMException).name).to.equal('AbortError');
    await load.step();
    expect(load.abortedWith()).to.equal(undefined);
    stayer.abort();
    expect(((await staying) as DOMException).name).to.equal('AbortError');
    await new Promise((resolve) => setTimeout(resolve));
    expect((load.abortedWith() as DOMException).name).to.equal('AbortError');
  });

  it('hands a failure to every follower', async () => {
    const loads = new InFlightLoads<number>();
    const failing = async function* () {
      yield 1;
      throw new Error('boom');
    };
    const results = await Promise.all(
      [1, 2].map(() => collect(loads.follow(['k'], failing, never())).catch((e: unknown) => (e as Error).message)),
    );
    expect(results).to.deep.equal(['boom', 'boom']);
  });
});
