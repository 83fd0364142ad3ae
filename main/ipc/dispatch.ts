import { requestSchemas, type Channel, type ChannelArgs, type ChannelResults } from '../../src/ipc/contract';
import { isKioskUiSender } from '../../src/shell/ipc-sender';

/**
 * The one gate every IPC call passes (GitHub Desktop style: the contract map is the only API).
 * Refuses a call unless it comes from the kiosk UI's top frame on app://kiosk/ and its arguments
 * match the channel's schema; only then is the handler called, with the parsed arguments.
 */

export type IpcHandlers = { [C in Channel]: (...args: ChannelArgs<C>) => Promise<ChannelResults[C]> };

/** What the dispatcher reads from an IpcMainInvokeEvent. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export class IpcRefusal extends Error {
  constructor(readonly channel: string, readonly why: 'unknown-channel' | 'untrusted-sender' | 'invalid-arguments') {
    super(`IPC ${channel} refused: ${why}`);
    this.name = 'IpcRefusal';
  }
}

export const channels = Object.keys(requestSchemas) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(requestSchemas, name);
}

export function createIpcDispatcher(handlers: IpcHandlers, uiContentsId: () => number | undefined, onRefused: (refusal: IpcRefusal) => void = () => undefined) {
  return async function dispatch(channel: string, event: InvokeEventLike, args: unknown[]): Promise<unknown> {
    const refuse = (why: IpcRefusal['why']): never => {
      const refusal = new IpcRefusal(channel, why);
      onRefused(refusal);
      throw refusal;
    };
    if (!isChannel(channel)) return refuse('unknown-channel');
    const frame = event.senderFrame;
    const sender = { webContentsId: event.sender.id, frame: frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null } };
    if (!isKioskUiSender(sender, uiContentsId())) return refuse('untrusted-sender');
    const parsed = requestSchemas[channel].safeParse(args);
    if (!parsed.success) return refuse('invalid-arguments');
    const handler = handlers[channel] as (...a: unknown[]) => Promise<unknown>;
    return handler(...(parsed.data as unknown[]));
  };
}
