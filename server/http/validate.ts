import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError, type FieldErrors } from '../errors.js';
import { withRequestDoc } from './route-doc.js';

/**
 * `zValidator` that fails with our error shape: 400 `invalid_request` and a message per field,
 * keyed by the dotted path (`customer.email`). A page passes `onInvalid` to answer with a page instead
 * (a mistyped address gets the not-found page, not JSON).
 */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  onInvalid?: (c: Context, fields: FieldErrors) => Response | Promise<Response>,
) =>
  withRequestDoc(
    zValidator(target, schema, (result, c) => {
      if (result.success) return;
      const fields: FieldErrors = {};
      for (const issue of result.error.issues) {
        const key = issue.path.map(String).join('.') || target;
        fields[key] ??= issue.message;
      }
      if (onInvalid) return onInvalid(c, fields);
      throw new AppError('invalid_request', `Invalid ${target}`, fields);
    }),
    // The OpenAPI document reads the request's shape from here (server/openapi/).
    { target, schema },
  );
