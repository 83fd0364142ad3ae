import type { CompliancePolicy } from '../policy/compliance-schema';
import { nameMatches } from './matching';
import type { AccountFacts, AntivirusFacts, AntivirusProduct, BrowserFacts, OsFacts, UpdateFacts } from './probes';
import type { CheckOutcome } from './types';

const dayMs = 24 * 60 * 60 * 1000;
const approvedBy = (name: string, approved: readonly string[]) => approved.some((entry) => nameMatches(`${entry}*`, name));

/**
 * Passes when a product is registered, enabled and up to date, its signatures no older than the
 * policy's limit, and (when the policy lists approved products) it is one of them. Windows Defender's
 * own status must agree with what Security Center says of it.
 */
export function evaluateAntivirus(facts: AntivirusFacts, policy: CompliancePolicy['antivirus']): CheckOutcome {
  const max = policy.maxSignatureAgeDays;
  const defender = facts.products.find((p) => p.source === 'defender');
  const fresh = (p: AntivirusProduct) => p.signatureAgeDays !== null && p.signatureAgeDays <= max;
  const healthy = facts.products.filter((p) => {
    if (p.enabled !== true || p.upToDate === false) return false;
    switch (p.source) {
      case 'agent':
        return true;
      case 'clamav':
        return fresh(p);
      case 'defender':
        // Defender's own status only cross-checks its Security Center registration.
        return false;
      case 'security-center':
        if (p.signatureAgeDays !== null && !fresh(p)) return false;
        if (policy.approved.length > 0 && !approvedBy(p.name, policy.approved)) return false;
        return /defender/i.test(p.name) ? defender?.enabled === true && fresh(defender) : true;
    }
  });
  const evidence = {
    products: facts.products.filter((p) => p.source !== 'defender').map((p) => p.name),
    healthy: healthy.map((p) => p.name),
    defenderEnabled: defender ? defender.enabled : null,
    signatureAgeDays: (healthy.find((p) => p.signatureAgeDays !== null) ?? facts.products.find((p) => p.signatureAgeDays !== null))?.signatureAgeDays ?? null,
    maxSignatureAgeDays: max,
  };
  if (healthy.length > 0) return { status: 'pass', evidence };
  return { status: 'fail', severity: evidence.products.length === 0 ? 'critical' : 'high', evidence };
}

/**
 * Windows: days since the last successful security update against the policy's thresholds; the
 * update service switched off fails whatever the date. Linux: pending security updates from
 * `apt-get -s`, which only means something when the package lists are fresh — stale or missing lists
 * are `error` ("could not find out"), never pass.
 */
export function evaluateUpdates(facts: UpdateFacts, policy: CompliancePolicy['updates'], now: Date): CheckOutcome {
  if (facts.kind === 'apt') {
    const evidence = { pendingSecurityUpdates: facts.pendingSecurityUpdates, packageListsAgeDays: facts.packageListsAgeDays, warnAfterDays: policy.warnAfterDays };
    if (facts.packageListsAgeDays === null || facts.packageListsAgeDays > policy.warnAfterDays) {
      return { status: 'error', evidence: { ...evidence, reason: 'package-lists-stale' } };
    }
    if (facts.pendingSecurityUpdates > 0) return { status: 'warn', severity: 'high', evidence };
    return { status: 'pass', evidence };
  }
  const days = facts.lastSecurityUpdate ? Math.floor((now.getTime() - Date.parse(facts.lastSecurityUpdate)) / dayMs) : null;
  const evidence = {
    lastSecurityUpdate: facts.lastSecurityUpdate ? facts.lastSecurityUpdate.slice(0, 10) : null,
    daysSinceSecurityUpdate: days,
    updateServiceDisabled: facts.updateServiceDisabled,
    warnAfterDays: policy.warnAfterDays,
    failAfterDays: policy.failAfterDays,
  };
  if (facts.updateServiceDisabled) return { status: 'fail', severity: 'critical', evidence };
  if (days === null || Number.isNaN(days)) return { status: 'error', evidence: { ...evidence, reason: 'no-security-update-in-history' } };
  if (days > policy.failAfterDays) return { status: 'fail', severity: 'critical', evidence };
  if (days > policy.warnAfterDays) return { status: 'warn', severity: 'high', evidence };
  return { status: 'pass', evidence };
}

/** The OS's key in the policy table: past its last day → fail; missing from the table → warn. */
export function evaluateOsSupport(facts: OsFacts, policy: CompliancePolicy['osSupport'], now: Date): CheckOutcome {
  const supportEnds = policy.supportEnds[facts.key] ?? null;
  const evidence = { os: facts.product, version: facts.version, osKey: facts.key, supportEnds };
  if (supportEnds === null) return { status: 'warn', severity: 'medium', evidence: { ...evidence, reason: 'os-not-in-policy-table' } };
  const lastDay = Date.parse(`${supportEnds}T23:59:59Z`);
  return now.getTime() > lastDay ? { status: 'fail', severity: 'critical', evidence } : { status: 'pass', evidence };
}

export const requiredBrowserSettings: Record<BrowserFacts['browser'], string[]> = {
  chrome: ['PasswordManagerEnabled', 'AutofillAddressEnabled', 'AutofillCreditCardEnabled'],
  edge: ['PasswordManagerEnabled', 'AutofillAddressEnabled', 'AutofillCreditCardEnabled'],
  chromium: ['PasswordManagerEnabled', 'AutofillAddressEnabled', 'AutofillCreditCardEnabled'],
  firefox: ['PasswordManagerEnabled', 'OfferToSaveLogins'],
};

const browserNames: Record<BrowserFacts['browser'], string> = { chrome: 'Google Chrome', edge: 'Microsoft Edge', chromium: 'Chromium', firefox: 'Mozilla Firefox' };

/** Every installed browser must have each setting managed to false; none installed → not-applicable. */
export function evaluateBrowserPasswords(facts: readonly BrowserFacts[]): CheckOutcome {
  const installed = facts.filter((b) => b.installed);
  const failing = installed.filter((b) => requiredBrowserSettings[b.browser].some((key) => b.settings[key] !== false));
  const evidence = {
    browsersInstalled: installed.map((b) => browserNames[b.browser]),
    browsersWithoutPolicy: failing.map((b) => browserNames[b.browser]),
    settingsNotOff: failing.flatMap((b) => requiredBrowserSettings[b.browser].filter((key) => b.settings[key] !== false).map((key) => `${b.browser}:${key}`)),
  };
  if (installed.length === 0) return { status: 'not-applicable', evidence };
  return failing.length > 0 ? { status: 'fail', severity: 'high', evidence } : { status: 'pass', evidence };
}

export function evaluateAccount(facts: AccountFacts): CheckOutcome {
  return facts.administrator ? { status: 'warn', severity: 'medium', evidence: { administrator: true } } : { status: 'pass', evidence: { administrator: false } };
}
