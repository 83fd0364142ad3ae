import type { CitizenSession } from './types';

/** Ids become folder and partition names: only letters, digits and hyphens, long enough to be random. */
const safeId = /^[A-Za-z0-9][A-Za-z0-9-]{15,63}$/;

export class SessionIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionIdError';
  }
}

/**
 * Makes citizen sessions. Remembers every id it handed out for the life of the process and refuses a
 * repeat: Electron keeps a partition's data for as long as the process lives, so a reused name would
 * hand one citizen the previous citizen's cookies.
 */
export class CitizenSessionFactory<Canaries> {
  private readonly used = new Set<string>();

  constructor(
    private readonly newSessionId: () => string,
    private readonly createCanaries: (sessionId: string) => Canaries,
    private readonly partitionPrefix: string,
  ) {}

  create(startedAt: Date, serviceIndex: number | null, rehearsal = false): CitizenSession<Canaries> {
    const id = this.freshId();
    const session: CitizenSession<Canaries> = {
      id,
      partition: `${this.partitionPrefix}${id}`,
      downloadsFolderName: id,
      canaries: this.createCanaries(id),
      startedAt: startedAt.toISOString(),
      serviceIndex,
    };
    if (rehearsal) session.rehearsal = true;
    return session;
  }

  private freshId(): string {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const id = this.newSessionId();
      if (safeId.test(id) && !this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
    throw new SessionIdError('the session id source repeats itself or gives unusable ids; refusing to start a session');
  }
}
