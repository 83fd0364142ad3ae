import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A real rsyslog (Debian's rsyslog, rsyslog-relp, rsyslog-gnutls) run by a test in the foreground
 * with its own config and work folder, on free 127.0.0.1 ports, writing each message's MSG part
 * exactly (`%msg%\n`) to one file and its header fields to another. Its ruleset runs in the input's
 * thread (queue.type Direct), so a RELP `200 OK` means the line was already handed to the file.
 */
export const RSYSLOGD = '/usr/sbin/rsyslogd';

/** Tools the suite needs; under CI a missing one is a failure, elsewhere the suite is skipped. */
export function missingReceiverTools(suite: string): string | null {
  const missing = [RSYSLOGD, '/usr/bin/openssl'].filter((tool) => !existsSync(tool));
  const modules = ['imrelp.so', 'lmnsd_gtls.so'].filter((m) => !existsSync(path.join('/usr/lib/x86_64-linux-gnu/rsyslog', m)) && !existsSync(path.join('/usr/lib/rsyslog', m)));
  const all = [...missing, ...modules];
  if (all.length === 0) return null;
  const reason = `${suite}: missing ${all.join(', ')} (Debian packages rsyslog, rsyslog-relp, rsyslog-gnutls, openssl; npm test installs them)`;
  if (process.env.CI) throw new Error(reason);
  return reason;
}

export interface Pki {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that signed nothing here: trusting it makes the real server's certificate wrong. */
  otherCa: string;
}

function openssl(dir: string, args: string[]): void {
  const result = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
}

/** A CA, a server certificate for 127.0.0.1/localhost, a client certificate, and an unrelated CA. */
export function makePki(dir: string): Pki {
  mkdirSync(dir, { recursive: true });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Test Department CA']);
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'other-ca.key', '-out', 'other-ca.pem', '-days', '2', '-subj', '/CN=Other CA']);
  writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  writeFileSync(path.join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject] of [['server', '/CN=localhost'], ['client', '/CN=kiosk-test-01']] as const) {
    openssl(dir, ['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`]);
  }
  const at = (name: string) => path.join(dir, name);
  return { ca: at('ca.pem'), serverCert: at('server.pem'), serverKey: at('server.key'), clientCert: at('client.pem'), clientKey: at('client.key'), otherCa: at('other-ca.pem') };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export interface Receiver {
  ports: { relpTls: number; relp: number; tls: number };
  /** MSG parts, one per line, as received. */
  messagesFile: string;
  /** `msgid structured-data hostname app-name` per message. */
  headersFile: string;
  /** The headers line, a tab, then the MSG: one line per message from a single action. */
  pairedFile: string;
  start(): Promise<void>;
  /** SIGKILL: what a crash or power cut does to the receiver. */
  kill(): Promise<void>;
  /** SIGSTOP: the receiver stops reading and acknowledging at once (a hung collector), until killed. */
  pause(): void;
  stop(): Promise<void>;
}

export async function makeReceiver(dir: string, pki: Pki): Promise<Receiver> {
  const work = path.join(dir, 'work');
  mkdirSync(work, { recursive: true });
  const ports = { relpTls: await freePort(), relp: await freePort(), tls: await freePort() };
  const messagesFile = path.join(dir, 'messages.log');
  const headersFile = path.join(dir, 'headers.log');
  const pairedFile = path.join(dir, 'paired.log');
  const conf = path.join(dir, 'rsyslog.conf');
  const q = JSON.stringify;
  writeFileSync(conf, [
    `global(workDirectory=${q(work)} maxMessageSize="64k" defaultNetstreamDriverCAFile=${q(pki.ca)} defaultNetstreamDriverCertFile=${q(pki.serverCert)} defaultNetstreamDriverKeyFile=${q(pki.serverKey)})`,
    'module(load="imrelp")',
    'module(load="imtcp" maxSessions="100" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")',
    'template(name="msgOnly" type="string" string="%msg%\\n")',
    'template(name="headers" type="string" string="%msgid% %structured-data% %hostname% %app-name% %pri%\\n")',
    'template(name="paired" type="string" string="%msgid% %structured-data% %hostname% %app-name% %pri%\\t%msg%\\n")',
    'ruleset(name="kiosk" queue.type="Direct") {',
    `  action(type="omfile" file=${q(messagesFile)} template="msgOnly")`,
    `  action(type="omfile" file=${q(headersFile)} template="headers")`,
    `  action(type="omfile" file=${q(pairedFile)} template="paired")`,
    '}',
    `input(type="imrelp" address="127.0.0.1" port="${ports.relpTls}" ruleset="kiosk" tls="on" tls.caCert=${q(pki.ca)} tls.myCert=${q(pki.serverCert)} tls.myPrivKey=${q(pki.serverKey)} tls.authMode="certvalid")`,
    `input(type="imrelp" address="127.0.0.1" port="${ports.relp}" ruleset="kiosk")`,
    `input(type="imtcp" address="127.0.0.1" port="${ports.tls}" ruleset="kiosk")`,
    '',
  ].join('\n'));
  let child: ChildProcess | null = null;
  const exited = () => new Promise<void>((resolve) => (child && child.exitCode === null && child.signalCode === null ? child.once('exit', () => resolve()) : resolve()));
  const receiver: Receiver = {
    ports,
    messagesFile,
    headersFile,
    pairedFile,
    async start() {
      let stderr = '';
      child = spawn(RSYSLOGD, ['-n', '-f', conf, '-i', path.join(dir, 'rsyslogd.pid')], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      for (const port of [ports.relpTls, ports.relp, ports.tls]) await waitForPort(port, () => (child?.exitCode !== null ? `rsyslogd exited: ${stderr}` : null));
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited();
    },
    async stop() {
      child?.kill('SIGTERM');
      await exited();
    },
  };
  return receiver;
}

/** Polls until the port accepts a connection (the receiver is ready), or the receiver died. */
export async function waitForPort(port: number, died: () => string | null, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const problem = died();
    if (problem) throw new Error(problem);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() - started > timeoutMs) throw new Error(`rsyslogd did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await delay(20);
  }
}

/** Lines of a receiver file (complete lines only); [] before the file exists. */
export function receivedLines(file: string): string[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text.split('\n').slice(0, -1);
}
