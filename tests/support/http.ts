import type { TestContext } from './test-app.js';
import { APP_URL } from './test-app.js';

export interface Session {
  cookie: string;
}

/**
 * Calls the app like a browser on our own site would: JSON body, the session cookie and the
 * site's Origin (which the CSRF check wants on cookie-authenticated writes).
 */
export async function call(
  ctx: Pick<TestContext, 'app'>,
  method: string,
  path: string,
  options: { body?: unknown; session?: Session | undefined; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { Origin: APP_URL, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.session) headers.Cookie = options.session.cookie;
  const response = await ctx.app.request(`${APP_URL}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (ICS, HTML): keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

/** The `name=value` part of a Set-Cookie header (`session`, or `__Host-session` over https), ready to send back. */
export function sessionFrom(headers: Headers): Session {
  const setCookie = headers.get('set-cookie') ?? '';
  const match = /(?:^|,\s*)((?:__Host-)?session)=([^;]+)/.exec(setCookie);
  if (!match?.[2]) throw new Error(`no session cookie in "${setCookie}"`);
  return { cookie: `${match[1]}=${match[2]}` };
}

let counter = 0;

export async function signUp(
  ctx: Pick<TestContext, 'app'>,
  role: 'customer' | 'provider',
  fields: { email?: string; name?: string } = {},
): Promise<Session & { email: string; userId: number }> {
  const email = fields.email ?? `${role}${++counter}@example.com`;
  const res = await call(ctx, 'POST', '/api/auth/signup', {
    body: { email, password: 'correct horse battery', name: fields.name ?? `Test ${role}`, role },
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...sessionFrom(res.headers), email, userId: res.body.user.id };
}
