import { expect } from '@open-wc/testing';
import { CreditBalanceError } from '../../../src/lib/errors.js';
import { TokenCache, parseTokenResponse } from '../../../src/lib/api/token.js';

const now = Date.parse('2026-11-21T10:00:00Z');
const never = new AbortController().signal;

describe('token', () => {
  describe('parseTokenResponse', () => {
    it('reads expires_at, customer_id and api_base', () => {
      const token = parseTokenResponse({ token: 't', expires_at: '2026-11-21T10:05:00Z', customer_id: 'c', api_base: '/api' }, now);
      expect(token).to.include({ value: 't', expiresAt: now + 300_000, customerId: 'c', apiBase: '/api' });
      expect(token.refreshAt).to.equal(now + 270_000);
    });

    it('accepts expires_in, and prefers expires_at when both are present', () => {
      expect(parseTokenResponse({ token: 't', expires_in: 60 }, now).expiresAt).to.equal(now + 60_000);
      expect(parseTokenResponse({ token: 't', expires_in: 60, expires_at: '2026-11-21T10:10:00Z' }, now).expiresAt).to.equal(now + 600_000);
    });

    it('refreshes short-lived tokens well before they expire', () => {
      const token = parseTokenResponse({ token: 't', expires_in: 10 }, now);
      expect(token.refreshAt).to.equal(now + 8_000);
    });

    const bad: { name: string; body: unknown; message: RegExp }[] = [
      { name: 'not an object', body: '<html>', message: /JSON object/ },
      { name: 'an array', body: [], message: /JSON object/ },
      { name: 'no token', body: { expires_in: 60 }, message: /without a "token"/ },
      { name: 'an empty token', body: { token: ' ', expires_in: 60 }, message: /without a "token"/ },
      { name: 'a numeric token', body: { token: 42, expires_in: 60 }, message: /without a "token"/ },
      { name: 'no expiry', body: { token: 't' }, message: /expires_at/ },
      { name: 'an expiry that is no date', body: { token: 't', expires_at: 'soon' }, message: /not a date/ },
      { name: 'an expired token', body: { token: 't', expires_at: '2026-11-21T09:59:00Z' }, message: /already expired/ },
      { name: 'a numeric customer id', body: { token: 't', expires_in: 60, customer_id: 7 }, message: /customer_id/ },
    ];
    for (const c of bad) {
      it(`refuses ${c.name} with a token error`, () => {
        let error: unknown;
        try {
          parseTokenResponse(c.body, now);
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(CreditBalanceError);
        expect((error as CreditBalanceError).code).to.equal('token');
        expect((error as CreditBalanceError).message).to.match(c.message);
      });
    }
  });

  describe('TokenCache', () => {
    it('shares one request between concurrent callers and caches the token', async () => {
      let clock = now;
      let calls = 0;
      const cache = new TokenCache(() => clock);
      const fetchToken = async () => ({ token: `t${++calls}`, expires_in: 300 });
      const tokens = await Promise.all([1, 2, 3].map(() => cache.get(['k'], fetchToken, never)));
      expect(tokens.map((t) => t.value)).to.deep.equal(['t1', 't1', 't1']);
      clock += 200_000;
      expect((await cache.get(['k'], fetchToken, never)).value).to.equal('t1');
      expect(calls).to.equal(1);
    });

    it('fetches a new token once the refresh time has come, before expiry', async () => {
      let clock = now;
      let calls = 0;
      const cache = new TokenCache(() => clock);
      const fetchToken = async () => ({ token: `t${++calls}`, expires_in: 300 });
      await cache.get(['k'], fetchToken, never);
      clock += 271_000;
      const [a, b] = await Promise.all([cache.get(['k'], fetchToken, never), cache.get(['k'], fetchToken, never)]);
      expect([a.value, b.value]).to.deep.equal(['t2', 't2']);
      expect(calls).to.equal(2);
    });

    it('keeps keys apart', async () => {
      const cache = new TokenCache(() => now);
      const a = await cache.get(['a'], async () => ({ token: 'A', expires_in: 300 }), never);
      const b = await cache.get(['b'], async () => ({ token: 'B', expires_in: 300 }), never);
      expect([a.value, b.value]).to.deep.equal(['A', 'B']);
    });

    it('drops a refused token once, even when several callers report it', async () => {
      let calls = 0;
      const cache = new TokenCache(() => now);
      const fetchToken = async () => ({ token: `t${++calls}`, expires_in: 300 });
      const first = await cache.get(['k'], fetchToken, never);
      await Promise.all([cache.invalidate(['k'], first), cache.invalidate(['k'], first)]);
      const second = await cache.get(['k'], fetchToken, never);
      await cache.invalidate(['k'], first); // a late report about the old token
      expect((await cache.get(['k'], fetchToken, never)).value).to.equal(second.value);
      expect(calls).to.equal(2);
    });

    it('does not cache a failed request', async () => {
      let calls = 0;
      const cache = new TokenCache(() => now);
      const fetchToken = async () => {
        calls += 1;
        if (calls === 1) throw new CreditBalanceError('token', 'down');
        return { token: 'ok', expires_in: 300 };
      };
      await cache.get(['k'], fetchToken, never).catch(() => undefined);
      expect((await cache.get(['k'], fetchToken, never)).value).to.equal('ok');
    });

    it('lets one caller abort without cancelling the shared request', async () => {
      const cache = new TokenCache(() => now);
      let release!: () => void;
      const fetchToken = () => new Promise((resolve) => (release = () => resolve({ token: 'shared', expires_in: 300 })));
      const controller = new AbortController();
      const aborted = cache.get(['k'], fetchToken, controller.signal);
      const other = cache.get(['k'], fetchToken, never);
      controller.abort();
      release();
      let error: unknown;
      await aborted.catch((e: unknown) => (error = e));
      expect((error as DOMException).name).to.equal('AbortError');
      expect((await other).value).to.equal('shared');
    });
  });
});
