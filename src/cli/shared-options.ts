import type { OptionSpec } from './command';

/** Options every command that reads the policy accepts; help text lives beside them. */
export const policyOption: OptionSpec = { policy: { type: 'string' } };
export const policyOptionHelp = {
  policy: 'Policy file to use (overrides PUBLIC_KIOSK_POLICY and the machine policy).',
};

/** The three data roots, overridable on every command that touches them (issue: wipe engine). */
export const rootOptions: OptionSpec = {
  'session-data': { type: 'string' },
  downloads: { type: 'string' },
  state: { type: 'string' },
};
export const rootOptionHelp = {
  'session-data': 'Session-data root (everything the browser engine writes); overrides the policy.',
  downloads: 'Downloads root (one folder per citizen session); overrides the policy.',
  state: "State root (the kiosk's own audit log, journal and state); overrides the policy.",
};

export const jsonOption: OptionSpec = { json: { type: 'boolean' } };
export const jsonOptionHelp = { json: 'Print machine-readable JSON instead of text.' };
