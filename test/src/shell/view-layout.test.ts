import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../src/ipc/contract';
import { siteViewBounds, siteViewVisible, UI_TOOLBAR_HEIGHT_PX } from '../../../src/shell/view-layout';
import { TOOLBAR_HEIGHT_PX } from '../../../renderer/layout';

const browsing: KioskStatus = { state: 'in-session', language: 'vi', languages: ['vi', 'en'], services: [] };

describe('siteViewBounds', () => {
  it('fills the window below the toolbar strip', () => {
    expect(siteViewBounds({ width: 1920, height: 1080 }, 80)).toEqual({ x: 0, y: 80, width: 1920, height: 1000 });
  });
  it('never has a negative size or sits outside the window', () => {
    expect(siteViewBounds({ width: 300, height: 50 }, 80)).toEqual({ x: 0, y: 50, width: 300, height: 0 });
    expect(siteViewBounds({ width: 300, height: 500 }, -5)).toEqual({ x: 0, y: 0, width: 300, height: 500 });
  });
  it('uses the same toolbar height as the UI', () => {
    expect(UI_TOOLBAR_HEIGHT_PX).toBe(TOOLBAR_HEIGHT_PX);
  });
});

describe('siteViewVisible', () => {
  it('shows the site only while browsing with nothing over it', () => {
    expect(siteViewVisible(browsing, false)).toBe(true);
  });
  it.each<[string, KioskStatus, boolean]>([
    ['staff panel open', browsing, true],
    ['idle warning', { ...browsing, idleWarning: { secondsLeft: 20 } }, false],
    ['shift warning, last minute', { ...browsing, shiftWarning: { secondsLeft: 50, fullscreen: true } }, false],
    ['wipe running', { ...browsing, wipe: { scope: 'session', phase: 'running' } }, false],
    ['out of service', { ...browsing, state: 'out-of-service', outOfService: { reason: 'wipe-failed', since: '2025-01-01T00:00:00Z' } }, false],
    ['staff signed in', { ...browsing, staff: { staffId: 'a', displayName: 'A', role: 'staff', mustChangePassword: false } }, false],
    ['welcome', { ...browsing, state: 'welcome' }, false],
    ['ending', { ...browsing, state: 'ending' }, false],
    ['starting', { ...browsing, state: 'starting' }, false],
    ['shift wipe', { ...browsing, state: 'wiping-shift' }, false],
  ])('hides it: %s', (_label, status, overlay) => {
    expect(siteViewVisible(status, overlay)).toBe(false);
  });
});
