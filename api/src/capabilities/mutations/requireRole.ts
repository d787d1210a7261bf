import type { Role } from '../../config.ts';
import type { Context } from '../../context/index.ts';
import { ApiError, ErrorCode } from '../../errors/index.ts';

const RANK: Record<Role, number> = { reader: 0, editor: 1, admin: 2 };

/** Refuses the call unless the request carries a token whose role is at least `min` (docs/API.md, "Authenticating writes"). */
export function requireRole(ctx: Context, min: Role, action: string): void {
  if (ctx.auth.role === null) {
    throw new ApiError(`${action} needs a token: send "Authorization: Bearer <token>" with a token listed in API_TOKENS (role ${min} or higher).`, {
      code: ErrorCode.UNAUTHENTICATED,
    });
  }
  if (RANK[ctx.auth.role] < RANK[min]) {
    throw new ApiError(`${action} needs role ${min} or higher; this token has role ${ctx.auth.role}.`, { code: ErrorCode.FORBIDDEN });
  }
}
