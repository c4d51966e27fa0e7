import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { isLocalHost, publicOnlyLookup, RefusedAddressError } from './address-guard.js';

const connect = buildConnector({ lookup: publicOnlyLookup });

/**
 * Connections only to the public internet, whatever the URL or a redirect names: a literal address is checked
 * here (a socket to an IP skips name lookup), a name on every lookup (address-guard.ts).
 */
const publicOnly = new Agent({
  connect(options, callback) {
    if (isLocalHost(options.hostname))
      return callback(new RefusedAddressError(`${options.hostname} is not on the public internet`), null);
    connect(options, callback);
  },
});

/** `fetch` that cannot be pointed into the server's own network (SSRF), redirects included. */
export const publicOnlyFetch = ((input, init) =>
  undiciFetch(input as Parameters<typeof undiciFetch>[0], {
    ...(init as Parameters<typeof undiciFetch>[1]),
    dispatcher: publicOnly,
  })) as typeof fetch;
