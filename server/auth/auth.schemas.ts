import { z } from 'zod';

/** Emails are compared and stored lower-cased, so one person has one account. */
export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const signupSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100),
  role: z.enum(['customer', 'provider']),
});

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

/** A signed-in user as the API shows them. */
export const sessionUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['customer', 'provider']),
  emailVerified: z.boolean(),
});
