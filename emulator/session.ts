import type { Runtime } from './runtime';
import type { GSession, GUser } from './gas';
import { SCOPE } from './scopes';

class UserImpl implements Partial<GUser> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

/** A Base.User facade for an email address. */
export function makeUser(rt: Runtime, email: string): GUser {
  return rt.facade<GUser>(new UserImpl(email), 'User');
}

/** The Session global: one signed-in user; the script time zone is the spreadsheet's. */
export class SessionImpl implements Partial<GSession> {
  constructor(
    private readonly rt: Runtime,
    private readonly user: { email: () => string },
    private readonly timeZone: () => string,
  ) {}
  getActiveUser(): GUser {
    this.rt.requireScope('Session.getActiveUser', [SCOPE.userEmail]);
    return makeUser(this.rt, this.user.email());
  }
  getEffectiveUser(): GUser {
    this.rt.requireScope('Session.getEffectiveUser', [SCOPE.userEmail]);
    return makeUser(this.rt, this.user.email());
  }
  getScriptTimeZone(): string {
    return this.timeZone();
  }
  toString(): string {
    return 'Session';
  }
}
