/** Bad input from whoever manages accounts: nothing was stored. `rule` names what refused it. */
export class StaffInputError extends Error {
  constructor(
    message: string,
    readonly rule: string,
  ) {
    super(message);
    this.name = 'StaffInputError';
  }
}

/** No OS credential store: TOTP secrets have nowhere safe to live, so OTP enrolment is refused. */
export class OtpUnavailableError extends Error {
  constructor() {
    super(
      'no OS credential store is available (on Linux: no Secret Service in this session, e.g. gnome-keyring); ' +
        'TOTP secrets are kept only there, never in files, so OTP cannot be enrolled and admin actions stay unavailable',
    );
    this.name = 'OtpUnavailableError';
  }
}
