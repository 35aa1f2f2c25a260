import { expect } from '@open-wc/testing';
import { backoffMs, isRetryableStatus, postJson, retryAfterMs } from '../../../src/lib/api/http.js';
import { MOCK, mockToken, openGate, realHttp, received, rejection, requestLog, routes, scenario } from '../../helpers.js';

const never = new AbortController().signal;
const now = Date.parse('2026-11-21T10:00:00Z');

describe('http', () => {
  describe('retry rules (as Metronome’s client)', () => {
    const cases: [number, string | null, boolean][] = [
      [408, null, true],
      [409, null, true],
      [429, null, true],
      [500, null, true],
      [503, null, true],
      [400, null, false],
      [401, null, false],
      [403, null, false],
      [404, null, false],
      [422, null, false],
      [400, 'true', true],
      [503, 'false', false],
    ];
    for (const [status, header, retried] of cases) {
      it(`${status}${header ? ` with x-should-retry: ${header}` : ''} is ${retried ? '' : 'not '}retried`, () => {
        expect(isRetryableStatus(status, header)).to.equal(retried);
      });
    }

    it('reads retry-after-ms, Retry-After seconds and HTTP dates', () => {
      expect(retryAfterMs(new Headers({ 'retry-after-ms': '250.5' }), now)).to.equal(250.5);
      expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).to.equal(2000);
      expect(retryAfterMs(new Headers({ 'retry-after': '1.5' }), now)).to.equal(1500);
      expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 10:00:05 GMT' }), now)).to.equal(5000);
      expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 21 Nov 2026 09:00:00 GMT' }), now)).to.equal(0);
      expect(retryAfterMs(new Headers({ 'retry-after': 'later' }), now)).to.equal(undefined);
      expect(retryAfterMs(new Headers(), now)).to.equal(undefined);
    });

    it('backs off exponentially with jitter, capped at 8 s', () => {
      expect(backoffMs(0, 0)).to.equal(500);
      expect(backoffMs(1, 0)).to.equal(1000);
      expect(backoffMs(1, 0.999)).to.be.closeTo(750, 1);
      expect(backoffMs(10, 0)).to.equal(8000);
    });
  });

  describe('postJson against the mock', () => {
    async function setup(faults: object[]) {
      const id = await scenario({ base: 'e0e0e0e0-0000-4000-8000-000000000000', faults: faults as never });
      const { token } = await mockToken(id);
      const request = {
        url: `${MOCK}/v1/contracts/customerCredits/list`,
        body: { customer_id: id, include_balance: true, limit: 25 },
        headers: { Authorization: `Bearer ${token}` },
      };
      return { id, request };
    }

    it('retries 503 then answers the data', async () => {
      const { id, request } = await setup([{ route: 'credits', status: 503, times: 2 }]);
      const http = realHttp();
      expect(await postJson(request, never, http)).to.deep.equal({ data: [], next_page: null });
      expect(routes(await requestLog(id), 'credits')).to.have.length(3);
      expect(http.sleeps).to.deep.equal([backoffMs(0, 0.5), backoffMs(1, 0.5)]);
    });

    it('honours Retry-After on a 429', async () => {
      const { request } = await setup([{ route: 'credits', status: 429, headers: { 'retry-after': '3' } }]);
      const http = realHttp();
      await postJson(request, never, http);
      expect(http.sleeps).to.deep.equal([3000]);
    });

    it('does not wait for a Retry-After beyond the cap: it reports the error', async () => {
      const { id, request } = await setup([{ route: 'credits', status: 429, headers: { 'retry-after': '3600' } }]);
      const error = await rejection(postJson(request, never, realHttp()));
      expect(error).to.include({ code: 'http', status: 429 });
      expect(error.message).to.include('3600 s');
      expect(routes(await requestLog(id), 'credits')).to.have.length(1);
    });

    it('gives up after two retries with the last status', async () => {
      const { id, request } = await setup([{ route: 'credits', status: 502, times: 5 }]);
      const error = await rejection(postJson(request, never, realHttp()));
      expect(error).to.include({ code: 'http', status: 502 });
      expect(routes(await requestLog(id), 'credits')).to.have.length(3);
    });

    for (const status of [400, 403, 404, 422]) {
      it(`does not retry ${status}, and keeps Metronome's message as text`, async () => {
        const { id, request } = await setup([
          { route: 'credits', status, body: JSON.stringify({ message: '<b>customer_id</b> is invalid' }) },
        ]);
        const error = await rejection(postJson(request, never, realHttp()));
        expect(error).to.include({ code: 'http', status });
        expect(error.message).to.equal(`HTTP ${status}: <b>customer_id</b> is invalid`);
        expect(routes(await requestLog(id), 'credits')).to.have.length(1);
      });
    }

    it('turns a 401 into an auth error without retrying', async () => {
      const { id, request } = await setup([{ route: 'credits', status: 401 }]);
      expect(await rejection(postJson(request, never, realHttp()))).to.include({ code: 'auth', status: 401 });
      expect(routes(await requestLog(id), 'credits')).to.have.length(1);
    });

    it('retries a dropped connection, then reports a network error', async () => {
      const { id, request } = await setup([{ route: 'credits', drop: true, times: 3 }]);
      expect((await rejection(postJson(request, never, realHttp()))).code).to.equal('network');
      expect(routes(await requestLog(id), 'credits')).to.have.length(3);
    });

    it('retries an answer cut off mid-body, which WebKit hands over as a truncated body', async () => {
      const { id, request } = await setup([{ route: 'credits', cut: true }]);
      expect(await postJson(request, never, realHttp())).to.deep.equal({ data: [], next_page: null });
      expect(routes(await requestLog(id), 'credits')).to.have.length(2);
    });

    it('times out each attempt and retries it', async () => {
      // The first two attempts run out of time; the third answers.
      const { request } = await setup([]);
      const http = realHttp({ timeouts: 2 });
      const data = await postJson(request, never, http);
      expect(data).to.deep.equal({ data: [], next_page: null });
      expect(http.sleeps).to.deep.equal([backoffMs(0, 0.5), backoffMs(1, 0.5)]);
    });

    it('reports a timeout when every attempt is too slow', async () => {
      const { request } = await setup([]);
      const error = await rejection(postJson(request, never, realHttp({ timeouts: 3 })));
      expect(error.code).to.equal('timeout');
      expect(error.message).to.include('within 20 s');
    });

    it('refuses HTML answered with 200 as an invalid response', async () => {
      const { request } = await setup([{ route: 'credits', status: 200, body: '<!doctype html><p>Sign in</p>' }]);
      expect((await rejection(postJson(request, never, realHttp()))).code).to.equal('invalid-response');
    });

    it('stops at once when the caller aborts, the answer still held back', async () => {
      const { id, request } = await setup([{ route: 'credits', gate: 'answer' }]);
      const controller = new AbortController();
      const pending = postJson(request, controller.signal, realHttp());
      await received(id, 'credits');
      controller.abort();
      let error: unknown;
      await pending.catch((e: unknown) => (error = e));
      expect((error as DOMException).name).to.equal('AbortError');
      await openGate(id, 'answer');
    });
  });
});
