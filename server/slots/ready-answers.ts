import type { Context, MiddlewareHandler } from 'hono';
import type { BusyTimeSource } from '../availability/availability.types.js';
import type { Db } from '../db/connect.js';
import type { AppEnv } from '../http/app-env.js';
import { noneMatch } from '../http/etag.js';
import { busyTimesOf } from './availability.loader.js';
import { bodyHolds, type SlotsCache, type SlotsEntry } from './slots-cache.js';

/** The URLs remembered; each costs a few hundred bytes (its headers), the answers themselves live in the cache. */
const MAX_URLS = 2_000;

/** How the whole app last answered one slots URL: which cached answer, and the headers its middleware added. */
interface Replay {
  key: string;
  etag: string;
  ok: Record<string, string>;
  notModified: Record<string, string>;
}

export interface ReadyAnswersDeps {
  db: Db;
  now: () => Date;
  busyTimes: BusyTimeSource<Db>;
  cache: SlotsCache;
}

/**
 * Answers a repeated slots question ahead of the app's other middleware: mounted right after the request log on
 * `GET /api/providers/:slug/slots`, it replays what the whole app sent for the same URL (its bytes from the slots
 * cache, its headers as the security, CORS and caching middleware set them) when that answer still holds, checked
 * exactly as the route checks it: the cache's versions and age, the members' calendar busy times read fresh, the
 * answer's time window, and the same ETag. Anything else goes on to the app, which recomputes or refreshes; its
 * answer is remembered again. The middleware skipped costs three quarters of a cached answer and decides nothing
 * for a public read: no session, no body, no CSRF on a GET (bench/README.md, cached slots).
 */
export function readySlotsAnswers(deps: ReadyAnswersDeps): MiddlewareHandler<AppEnv> {
  const replays = new Map<string, Replay>();
  const remember = (url: string, replay: Replay) => {
    replays.delete(url);
    replays.set(url, replay);
    if (replays.size > MAX_URLS) replays.delete(replays.keys().next().value!);
  };

  return async function readySlotsAnswer(c, next) {
    if (c.req.method !== 'GET') return next();
    const url = c.req.url;
    const replay = replays.get(url);
    if (replay) {
      const entry = await heldAnswer(deps, replay.key);
      if (entry?.etag === replay.etag) return send(c, entry, replay);
    }
    await next();
    const key = c.get('slotsAnswerKey');
    const etag = c.res.headers.get('ETag');
    if (key === undefined || c.res.status !== 200 || etag === null || c.res.headers.has('Set-Cookie')) return;
    const ok = Object.fromEntries(c.res.headers);
    const { 'content-type': _, ...notModified } = ok;
    remember(url, { key, etag, ok, notModified });
  };
}

/** The cached answer under `key` if it still holds now, as the route would send it without recomputing. */
async function heldAnswer(deps: ReadyAnswersDeps, key: string): Promise<SlotsEntry | undefined> {
  const entry = await deps.cache.get(key);
  if (!entry) return undefined;
  const busy = await busyTimesOf(deps.db, deps.busyTimes, entry.busyReads);
  return bodyHolds(entry, deps.now().getTime(), busy) ? entry : undefined;
}

function send(c: Context<AppEnv>, entry: SlotsEntry, replay: Replay) {
  if (noneMatch(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, replay.notModified);
  return c.body(entry.body, 200, replay.ok);
}
