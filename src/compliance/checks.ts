import type { CompliancePolicy } from '../policy/compliance-schema';
import type { PrintingMode } from '../policy/printing';
import { chatApps } from './chat-apps';
import { evaluateChatApps, evaluateRemoteAccess, type SoftwareFacts } from './evaluate-software';
import { evaluateAccount, evaluateAntivirus, evaluateBrowserPasswords, evaluateOsSupport, evaluateUpdates } from './evaluate-system';
import { nameMatches } from './matching';
import { probeNetworkZone } from './network-zone';
import { evaluatePrintToFile } from './print-to-file';
import { ProbeError, type ComplianceProbes } from './probes';
import { remoteAccessTools } from './remote-access-tools';
import type { CheckOutcome, CheckSeverity, ComplianceCheckId, Localized } from './types';

export interface CheckContext {
  probes: ComplianceProbes;
  policy: CompliancePolicy;
  now: Date;
  /** The kiosk policy's printing.mode: print-to-file printers matter most when the OS dialog is shown. */
  printingMode: PrintingMode;
}

/** A check as data: its stable id, default severity, texts, and how it reads the machine. */
export interface CheckDefinition {
  id: ComplianceCheckId;
  severity: CheckSeverity;
  title: Localized;
  remediation: Localized;
  run(context: CheckContext): Promise<CheckOutcome>;
}

function softwarePlatform(probes: ComplianceProbes): 'win32' | 'linux' {
  if (probes.platform === 'win32' || probes.platform === 'linux') return probes.platform;
  throw new ProbeError('platform-not-supported');
}

async function softwareFacts(probes: ComplianceProbes, folders: readonly string[]): Promise<SoftwareFacts> {
  const platform = softwarePlatform(probes);
  const [processes, installed, services, existing] = await Promise.all([probes.processNames(), probes.installedNames(), probes.serviceNames(), probes.existingFolders(folders)]);
  return { platform, processes, installed, services, folders: existing };
}

export const checkDefinitions: readonly CheckDefinition[] = [
  {
    id: 'remote-access',
    severity: 'critical',
    title: { vi: 'Phần mềm điều khiển từ xa', en: 'Remote-access software' },
    remediation: {
      vi: 'Gỡ cài đặt phần mềm điều khiển từ xa (TeamViewer, UltraViewer, AnyDesk…), xóa thư mục còn sót, tắt Remote Desktop và Remote Assistance. Công cụ được phép phải ghi trong compliance.remoteAccess.allow.',
      en: 'Uninstall remote-access tools (TeamViewer, UltraViewer, AnyDesk…), delete left-over folders, switch off Remote Desktop and Remote Assistance. An approved tool must be listed in compliance.remoteAccess.allow.',
    },
    async run({ probes, policy }) {
      const platform = softwarePlatform(probes);
      const folders = remoteAccessTools.flatMap((tool) => (platform === 'linux' ? tool.linux.folders : tool.windows.folders));
      const [facts, remote] = await Promise.all([softwareFacts(probes, folders), probes.remoteDesktop()]);
      return evaluateRemoteAccess(facts, remote, remoteAccessTools, policy.remoteAccess.allow);
    },
  },
  {
    id: 'antivirus',
    severity: 'critical',
    title: { vi: 'Phần mềm diệt virus', en: 'Antivirus' },
    remediation: {
      vi: 'Cài và bật phần mềm diệt virus có bản quyền, cập nhật mẫu virus (Windows: Microsoft Defender hoặc sản phẩm được phê duyệt; Linux: tác tử trong compliance.antivirus.approved hoặc ClamAV với freshclam chạy hằng ngày).',
      en: 'Install and enable licensed antivirus with current signatures (Windows: Microsoft Defender or an approved product; Linux: an agent listed in compliance.antivirus.approved, or ClamAV with freshclam running daily).',
    },
    async run({ probes, policy }) {
      const facts = await probes.antivirus();
      if (probes.platform !== 'linux' || policy.antivirus.approved.length === 0) return evaluateAntivirus(facts, policy.antivirus);
      const processes = await probes.processNames();
      const agents = policy.antivirus.approved.filter((name) => processes.some((process) => nameMatches(name, process)));
      const products = [...facts.products, ...agents.map((name) => ({ name, source: 'agent' as const, enabled: true, upToDate: null, signatureAgeDays: null }))];
      return evaluateAntivirus({ products }, policy.antivirus);
    },
  },
  {
    id: 'os-updates',
    severity: 'critical',
    title: { vi: 'Cập nhật bảo mật hệ điều hành', en: 'OS security updates' },
    remediation: {
      vi: 'Bật dịch vụ cập nhật và cài các bản vá bảo mật còn thiếu (Windows Update; Debian/Ubuntu: apt-get update && apt-get upgrade, bật unattended-upgrades).',
      en: 'Turn the update service on and install the missing security updates (Windows Update; Debian/Ubuntu: apt-get update && apt-get upgrade, enable unattended-upgrades).',
    },
    run: async ({ probes, policy, now }) => evaluateUpdates(await probes.updates(), policy.updates, now),
  },
  {
    id: 'os-support',
    severity: 'critical',
    title: { vi: 'Hệ điều hành còn được hỗ trợ', en: 'OS still supported' },
    remediation: {
      vi: 'Nâng cấp lên phiên bản hệ điều hành còn được vá bảo mật (hoặc mua ESU và ghi ngày hết hạn vào compliance.osSupport.supportEnds).',
      en: 'Upgrade to an OS version that still receives security updates (or buy ESU and set its end date in compliance.osSupport.supportEnds).',
    },
    run: async ({ probes, policy, now }) => evaluateOsSupport(await probes.os(), policy.osSupport, now),
  },
  {
    id: 'browser-passwords',
    severity: 'high',
    title: { vi: 'Trình duyệt không lưu mật khẩu', en: 'Browsers keep no passwords' },
    remediation: {
      vi: 'Đặt chính sách bắt buộc (managed) cho mọi trình duyệt khác: Chrome/Edge/Chromium PasswordManagerEnabled, AutofillAddressEnabled, AutofillCreditCardEnabled = false; Firefox PasswordManagerEnabled, OfferToSaveLogins = false (xem docs/COMPLIANCE.md).',
      en: 'Set mandatory (managed) policies in every other browser: Chrome/Edge/Chromium PasswordManagerEnabled, AutofillAddressEnabled, AutofillCreditCardEnabled = false; Firefox PasswordManagerEnabled, OfferToSaveLogins = false (see docs/COMPLIANCE.md).',
    },
    run: async ({ probes }) => evaluateBrowserPasswords(await probes.browsers()),
  },
  {
    id: 'chat-apps',
    severity: 'high',
    title: { vi: 'Ứng dụng chat (Zalo, Viber, Messenger…)', en: 'Chat apps (Zalo, Viber, Messenger…)' },
    remediation: {
      vi: 'Đóng và gỡ cài đặt ứng dụng chat trên máy phục vụ người dân; dữ liệu của người dân không được gửi qua chat.',
      en: 'Close and uninstall chat apps on computers citizens use; citizen data must never travel through chat.',
    },
    run: async ({ probes }) => evaluateChatApps(await softwareFacts(probes, []), chatApps),
  },
  {
    id: 'network-zone',
    severity: 'critical',
    title: { vi: 'Vùng mạng riêng cho người dân', en: 'Separate citizen network zone' },
    remediation: {
      vi: 'Đưa máy vào vùng mạng (VLAN/tường lửa) của người dân, chặn mọi kết nối tới mạng nội bộ; khai báo compliance.networkZone.internal và external.',
      en: "Put the computer in the citizens' network zone (VLAN/firewall) and block every connection to the internal network; list compliance.networkZone.internal and external.",
    },
    run: ({ probes, policy }) => probeNetworkZone(probes, policy.networkZone),
  },
  {
    id: 'kiosk-account',
    severity: 'medium',
    title: { vi: 'Kiosk chạy bằng tài khoản thường', en: 'Kiosk runs as a standard account' },
    remediation: {
      vi: 'Chạy kiosk bằng một tài khoản riêng không có quyền quản trị (Windows: Standard user; Linux: không root, không thuộc nhóm sudo).',
      en: 'Run the kiosk under its own account without administrator rights (Windows: Standard user; Linux: not root, not in the sudo group).',
    },
    run: async ({ probes }) => evaluateAccount(await probes.account()),
  },
  {
    id: 'print-to-file',
    severity: 'high',
    title: { vi: 'Không có máy in "in ra tệp"', en: 'No print-to-file printers' },
    remediation: {
      vi: 'Gỡ các máy in ghi ra tệp (Microsoft Print to PDF, Microsoft XPS Document Writer, OneNote, máy in dùng cổng FILE: hoặc PORTPROMPT:; Linux: hàng đợi CUPS dùng file: hoặc cups-pdf). Hộp thoại in của chúng là một trình duyệt tệp. Xem docs/INSTALL.md.',
      en: 'Remove the printers that write a file (Microsoft Print to PDF, Microsoft XPS Document Writer, OneNote, any printer on port FILE: or PORTPROMPT:; Linux: CUPS queues on file: or cups-pdf). Their print dialog is a file browser. See docs/INSTALL.md.',
    },
    run: async ({ probes, printingMode }) => evaluatePrintToFile(await probes.printers(), printingMode),
  },
];

export const checkIds: readonly ComplianceCheckId[] = checkDefinitions.map((check) => check.id);
