import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RelpFrameParser } from '../../../src/forwarding/relp-frames';
import { RelpSession } from '../../../src/forwarding/relp-session';

/** A scripted RELP receiver: answers `open`, then lets the test decide each `syslog` answer. */
async function scriptedReceiver(onSyslog: (txnr: number, socket: Socket, count: number) => void): Promise<{ server: Server; port: number }> {
  let count = 0;
  const offer = '200 OK\nrelp_version=0\nrelp_software=x\ncommands=syslog';
  const server = createServer((socket) => {
    const parser = new RelpFrameParser();
    socket.on('error', () => undefined); // the client hanging up on a refusal is expected
    socket.on('data', (chunk: Buffer) => {
      for (const frame of parser.push(chunk)) {
        if (frame.command === 'open') socket.write(`${frame.txnr} rsp ${offer.length} ${offer}\n`);
        else if (frame.command === 'syslog') onSyslog(frame.txnr, socket, ++count);
        else if (frame.command === 'close') socket.end(`${frame.txnr} rsp 0\n0 serverclose 0\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function session(port: number): Promise<RelpSession> {
  const socket = await new Promise<Socket>((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
  });
  const relp = new RelpSession(socket, { software: 'public-kiosk,test', window: 4, answerTimeoutMs: 5_000 });
  await relp.open();
  return relp;
}

describe('RELP session against scripted receivers', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('a 500 answer stops the run: what came before stays acknowledged, nothing after is', async () => {
    const receiver = await scriptedReceiver((txnr, socket, count) => socket.write(count === 3 ? `${txnr} rsp 14 500 queue full\n` : `${txnr} rsp 6 200 OK\n`));
    server = receiver.server;
    const relp = await session(receiver.port);
    const acked: number[] = [];
    await expect(relp.sendAll(['a', 'b', 'c', 'd', 'e', 'f'], (i) => acked.push(i))).rejects.toThrow(/refused record 3 of this run: 500 queue full/);
    expect(acked).toEqual([0, 1]);
    relp.destroy();
  });

  it('a serverclose in the middle fails the frames still unanswered', async () => {
    const receiver = await scriptedReceiver((txnr, socket, count) => (count === 2 ? socket.end('0 serverclose 0\n') : count < 2 ? socket.write(`${txnr} rsp 6 200 OK\n`) : undefined));
    server = receiver.server;
    const relp = await session(receiver.port);
    const acked: number[] = [];
    await expect(relp.sendAll(['a', 'b', 'c'], (i) => acked.push(i))).rejects.toThrow(/serverclose|closed the connection/);
    expect(acked).toEqual([0]);
    relp.destroy();
  });

  it('a window of unanswered frames is kept: the receiver sees at most `window` before answering', async () => {
    const held: { txnr: number; socket: Socket }[] = [];
    let maxHeld = 0;
    const receiver = await scriptedReceiver((txnr, socket) => {
      held.push({ txnr, socket });
      maxHeld = Math.max(maxHeld, held.length);
      setImmediate(() => {
        for (const h of held.splice(0)) h.socket.write(`${h.txnr} rsp 6 200 OK\n`);
      });
    });
    server = receiver.server;
    const relp = await session(receiver.port);
    const acked: number[] = [];
    await relp.sendAll(Array.from({ length: 50 }, (_, i) => `m${i}`), (i) => acked.push(i));
    expect(acked).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(maxHeld).toBeLessThanOrEqual(4);
    await relp.close();
  });
});
