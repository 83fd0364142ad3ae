import { siteRequestSchemas, type SiteArgs, type SiteChannel } from '../../src/ipc/contract';
import { isSiteViewSender } from '../../src/shell/ipc-sender';
import type { InvokeEventLike } from './dispatch';
import { IpcRefusal } from './dispatch';

/**
 * The gate of the site view's one channel (the print request): the sender must be the site view
 * open now, and the message must carry exactly its schema's arguments (the preload's user-activation
 * flag); only then does the handler run. Fire and forget: the page is told nothing back, refused or not.
 */
export type SiteIpcHandlers = { [C in SiteChannel]: (...args: SiteArgs<C>) => void };

export const siteChannels = Object.keys(siteRequestSchemas) as SiteChannel[];

export function createSiteDispatcher(handlers: SiteIpcHandlers, siteContentsId: () => number | null, onRefused: (refusal: IpcRefusal) => void = () => undefined) {
  return function dispatch(channel: string, event: InvokeEventLike, args: unknown[]): void {
    const refuse = (why: IpcRefusal['why']): void => onRefused(new IpcRefusal(channel, why));
    if (!Object.hasOwn(siteRequestSchemas, channel)) return refuse('unknown-channel');
    const frame = event.senderFrame;
    const sender = { webContentsId: event.sender.id, frame: frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null } };
    if (!isSiteViewSender(sender, siteContentsId())) return refuse('untrusted-sender');
    const known = channel as SiteChannel;
    const parsed = siteRequestSchemas[known].safeParse(args);
    if (!parsed.success) return refuse('invalid-arguments');
    handlers[known](...parsed.data);
  };
}
