import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { syslogDestinations } from '../../../src/forwarding/destination';
import { senderFor } from '../../../src/forwarding/senders';

describe('TCP/TLS octet-counting sender (no acknowledgement in the protocol)', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function listen(onConnection: (socket: Socket, received: Buffer[]) => void) {
    const received: Buffer[] = [];
    server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      onConnection(socket, received);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as { port: number }).port, received };
  }

  it('counts records delivered only after a clean close that answers its own end', async () => {
    const { port, received } = await listen((socket) => socket.on('end', () => socket.end()));
    const [destination] = syslogDestinations([{ host: '127.0.0.1', port, transport: 'tcp' }]);
    const acked: number[] = [];
    await senderFor(destination!, { software: 'x' })(['<110>1 - h a - - - xóa', '<110>1 - h a - - - b'], (i) => acked.push(i));
    expect(acked).toEqual([0, 1]);
    expect(Buffer.concat(received).toString('utf8')).toBe('23 <110>1 - h a - - - xóa20 <110>1 - h a - - - b');
  });

  it('a receiver that hangs up first: nothing counts as delivered', async () => {
    const { port } = await listen((socket) => socket.once('data', () => socket.destroy()));
    const [destination] = syslogDestinations([{ host: '127.0.0.1', port, transport: 'tcp' }]);
    const acked: number[] = [];
    const many = Array.from({ length: 20_000 }, (_, i) => `<110>1 - h a - - - ${'x'.repeat(200)}${i}`);
    await expect(senderFor(destination!, { software: 'x' })(many, (i) => acked.push(i))).rejects.toThrow();
    expect(acked).toEqual([]);
  });
});
