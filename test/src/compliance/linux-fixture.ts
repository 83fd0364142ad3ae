import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary root the Linux probes are pointed at, so tests never read the developer's own /etc. */
export class LinuxRoot {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'pk-compliance-'));
  private children: ChildProcess[] = [];
  private servers: Server[] = [];

  write(file: string, text: string, ageDays = 0): string {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    if (ageDays > 0) {
      const when = new Date(Date.now() - ageDays * 24 * 60 * 60 * 1000);
      utimesSync(full, when, when);
    }
    return full;
  }

  mkdir(folder: string): void {
    mkdirSync(path.join(this.dir, folder), { recursive: true });
  }

  /** dpkg's status database with these packages installed, for a real `dpkg-query --admindir`. */
  dpkg(packages: string[]): string {
    const entries = packages.map((name) => `Package: ${name}\nStatus: install ok installed\nPriority: optional\nSection: misc\nMaintainer: test <t@example.invalid>\nArchitecture: all\nVersion: 1.0\nDescription: test package\n`);
    this.write('var/lib/dpkg/status', `${entries.join('\n')}`);
    this.write('var/lib/dpkg/available', '');
    this.mkdir('var/lib/dpkg/info');
    return path.join(this.dir, 'var/lib/dpkg');
  }

  /** Starts a harmless copy of /bin/sleep under `name` from `folder`; argv0 is the command line's first word. */
  async startProcess(name: string, folder: string, argv0?: string): Promise<number> {
    const dir = path.join(this.dir, folder);
    mkdirSync(dir, { recursive: true });
    const binary = path.join(dir, name);
    copyFileSync('/bin/sleep', binary);
    const child = spawn(binary, ['600'], { stdio: 'ignore', ...(argv0 ? { argv0 } : {}) });
    this.children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    return child.pid!;
  }

  /** A loopback listener; returns "127.0.0.1:PORT". */
  async listen(): Promise<string> {
    const server = createServer((socket) => socket.destroy());
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return `127.0.0.1:${address.port}`;
  }

  /** A loopback port nobody listens on (bound, then closed). */
  async closedPort(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    if (!address || typeof address === 'string') throw new Error('no port');
    return `127.0.0.1:${address.port}`;
  }

  async cleanup(): Promise<void> {
    for (const child of this.children) child.kill('SIGKILL');
    await Promise.all(this.servers.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
