/**
 * The OS credential store (Windows Credential Manager, macOS Keychain, Secret Service on Linux) as
 * the narrow interface the core needs. The real implementation (@napi-rs/keyring) lives beside this
 * file; tests pass a real Secret Service or a small fake of this interface.
 */
export interface CredentialStore {
  /** False when no store can be reached (no Secret Service, locked keyring): callers must not fall back silently. */
  available(): Promise<boolean>;
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  /** Returns true when an entry was deleted. */
  delete(service: string, account: string): Promise<boolean>;
  /** Every account stored under a service (for the shift wipe of the policy's credential services). */
  accounts(service: string): Promise<string[]>;
}

/** The service name under which the kiosk keeps its own secrets (audit key, TOTP secrets). */
export const KIOSK_CREDENTIAL_SERVICE = 'public-kiosk';
