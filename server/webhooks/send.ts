import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup } from '../outbound/address-guard.js';
import { urlProblem } from './endpoint-url.js';

export interface SendResult {
  status: number;
  retryAfter: string | undefined;
}

/**
 * POSTs one delivery and waits for the answer's status (its body is read and dropped). Redirects are not followed:
 * a 3xx is a failed attempt, so an endpoint cannot redirect the server elsewhere. Rejects on a refused URL or
 * address, a network error, or after `timeoutMs` for the whole exchange.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const problem = urlProblem(target, options.allowPrivate);
  if (problem) return Promise.reject(new Error(`URL refused: ${problem}`));
  const url = new URL(target);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'Book-your-services-Webhooks/1',
        },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(!options.allowPrivate && { lookup: publicOnlyLookup }),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
        res.on('error', reject);
      },
    );
    req.on('error', (error) =>
      reject(error.name === 'AbortError' ? new Error(`no answer within ${options.timeoutMs / 1000} s`) : error),
    );
    req.end(body);
  });
}
