import { describe, expect, it } from 'vitest';
import { clearSiteSession } from '../../../main/site/clear-session';
import { FakeSession } from '../fakes';

const allSteps = ['clearData', 'clearCache', 'clearAuthCache', 'clearCodeCaches{"urls":[]}', 'clearHostResolverCache', 'closeAllConnections'];

describe('clearSiteSession', () => {
  it('runs every clear, in order, with clearCodeCaches for all URLs', async () => {
    const session = new FakeSession();
    await expect(clearSiteSession(session)).resolves.toEqual({ ok: true });
    expect(session.calls).toEqual(allSteps);
  });

  it('keeps going after a failing step and names every failure', async () => {
    const session = new FakeSession();
    session.failing.add('clearCache');
    session.failing.add('closeAllConnections');
    const result = await clearSiteSession(session);
    expect(session.calls).toEqual(allSteps);
    expect(result).toEqual({
      ok: false,
      failed: [
        { step: 'clearCache', message: 'clearCache failed' },
        { step: 'closeAllConnections', message: 'closeAllConnections failed' },
      ],
    });
  });
});
