import type { AnsweredRequest } from '../http/request-log.js';
import { httpDuration, httpRequests } from './metrics.js';

/** Any other method (anyone can send one) is counted as `other`: a label value per made-up method would pile up. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts an answered request and its duration by method, route pattern and status (`requestLog`'s observer). */
export function countRequest({ method, route, status, seconds }: AnsweredRequest): void {
  const labels = { method: METHODS.has(method) ? method : 'other', route, status: String(status) };
  httpRequests.inc(labels);
  httpDuration.observe(labels, seconds);
}
