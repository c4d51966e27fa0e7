import type { ApiKeyRow } from '../api-keys/api-keys.table.js';
import type { Role } from '../auth/auth.table.js';
import type { ProviderRow } from '../providers/providers.table.js';
import type { TeamMemberRow } from '../team/team.table.js';

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
}

/** Hono's `Env` for every sub-app: what the auth middleware puts on the context. */
export interface AppEnv {
  Variables: {
    /** Set by `requestLog`: this request's id, in its log lines and its `X-Request-Id` answer header. */
    requestId: string;
    user: SessionUser | null;
    sessionId: string | null;
    /** Set by `apiKeyAuth` when an `/api/admin` request authenticates with an API key (then `user` is null). */
    apiKey?: ApiKeyRow;
    /** Set by `requireProvider` for `/api/admin` routes. */
    provider: ProviderRow;
    /** Set with `provider`: the signed-in member of that business (their role decides what they may do). */
    member: TeamMemberRow;
    /** Set by `targetMember`: whose hours, blocked times or calendar the request is about (`?member=`, default: `member`). */
    target: TeamMemberRow;
    /** Set by the slots route: which cached answer the URL asked for (server/slots/ready-answers.ts replays it). */
    slotsAnswerKey?: string;
  };
}
