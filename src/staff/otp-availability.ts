import type { CredentialStore } from '../secrets/credential-store';

export interface OtpAvailability {
  available: boolean;
  /** One sentence for `status` and the staff panel. */
  message: string;
}

/** Whether TOTP can be enrolled and checked here: it needs a working OS credential store. */
export async function describeOtpAvailability(store: CredentialStore): Promise<OtpAvailability> {
  if (await store.available()) {
    return { available: true, message: 'OS credential store available: staff OTP secrets are kept there' };
  }
  return {
    available: false,
    message:
      'OS credential store unavailable: staff OTP cannot be enrolled or checked, so admin actions are refused ' +
      '(on Linux start a Secret Service such as gnome-keyring in the kiosk session)',
  };
}
