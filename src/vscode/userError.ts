// An error whose message is already written for a person (what happened, where, what to
// do): commands show it as it is, without a stack or a "failed:" prefix.
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
