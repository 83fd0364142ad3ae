/**
 * Chat apps the directive names (Zalo, Viber, Facebook Messenger) and their near relatives: citizen
 * data must never travel through them. Desktop apps only; the kiosk browser blocks their web versions.
 */
export interface ChatApp {
  id: string;
  name: string;
  windows: { processes: string[]; uninstall: string[]; appx: string[] };
  linux: { processes: string[]; packages: string[] };
}

export const chatApps: readonly ChatApp[] = [
  { id: 'zalo', name: 'Zalo', windows: { processes: ['Zalo', 'ZaloCall'], uninstall: ['Zalo'], appx: [] }, linux: { processes: ['zalo*'], packages: ['zalo*'] } },
  { id: 'viber', name: 'Viber', windows: { processes: ['Viber'], uninstall: ['Viber'], appx: [] }, linux: { processes: ['Viber'], packages: ['viber'] } },
  { id: 'telegram', name: 'Telegram Desktop', windows: { processes: ['Telegram'], uninstall: ['Telegram Desktop'], appx: ['TelegramMessengerLLP.TelegramDesktop'] }, linux: { processes: ['telegram-deskto*', 'Telegram'], packages: ['telegram-desktop'] } },
  { id: 'messenger', name: 'Messenger', windows: { processes: ['Messenger'], uninstall: ['Messenger'], appx: ['FACEBOOK.317180B0BB486'] }, linux: { processes: ['caprine'], packages: ['caprine'] } },
  { id: 'whatsapp', name: 'WhatsApp', windows: { processes: ['WhatsApp'], uninstall: ['WhatsApp'], appx: ['5319275A.WhatsAppDesktop'] }, linux: { processes: ['whatsapp*', 'wasistlos'], packages: ['whatsapp-for-linux', 'wasistlos'] } },
];
