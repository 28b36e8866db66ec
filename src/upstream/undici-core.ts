/**
 * The parts of undici the client uses, loaded from undici's own modules instead of its index.
 *
 * undici's index loads everything it offers at once: fetch, WebSocket, EventSource, the cache
 * stores, the mock agent, the interceptors. The gateway uses a Pool, its request() and the error
 * classes. Loading only those (24 of undici's modules instead of 110) is about 5 MB less resident
 * memory under load (paired list-100 runs: peak 147 against 152 MB; list-20 3–7 MB lower), and no
 * other change: these are the same modules the index would load, so `instanceof` on undici's
 * errors holds for errors raised by any undici dispatcher.
 *
 * undici has no `exports` map, so these paths resolve; they are not a documented API. If an
 * undici update moves them, the gateway fails at start-up with ERR_MODULE_NOT_FOUND (every test
 * starts it), and this module is the one place to update.
 */
import type { Dispatcher, Pool as PoolType, errors as ErrorsType } from 'undici';
import PoolModule from 'undici/lib/dispatcher/pool.js';
import errorsModule from 'undici/lib/core/errors.js';
import requestModule from 'undici/lib/api/api-request.js';

export const Pool: typeof PoolType = PoolModule;
export const errors: typeof ErrorsType = errorsModule;

/** undici's `dispatcher.request()`: the index adds it to every Dispatcher; here it is called directly. */
export function request(dispatcher: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
  return requestModule.call(dispatcher, options);
}
