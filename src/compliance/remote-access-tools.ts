/**
 * Curated catalogue of remote-control tools the directive orders removed from citizens' computers.
 *
 * Names taken (and curated: duplicates merged, installer and viewer-only file names dropped, Linux
 * names and Windows service / uninstall names added from the vendors' packages) from LOLRMM,
 * https://github.com/magicsword-io/LOLRMM (yaml/*.yaml), Apache License 2.0, © the LOLRMM authors,
 * at commit 3c75cf091b10bf7e8ecd576055c44d172b35ff21 (2026-08-21).
 *
 * Matching rules (src/compliance/matching.ts): names are compared case-insensitively, a Windows ".exe"
 * is ignored, a trailing "*" matches any rest. Processes match by name wherever the binary lives, so
 * a portable copy in Downloads counts. Uninstall names match the start of the Uninstall key's
 * DisplayName. Folders are checked for existence only (left-overs after an uninstall).
 */
export interface RemoteAccessTool {
  id: string;
  name: string;
  windows: { processes: string[]; services: string[]; uninstall: string[]; folders: string[] };
  linux: { processes: string[]; packages: string[]; folders: string[] };
}

const none = { processes: [], packages: [], folders: [] };

export const remoteAccessTools: readonly RemoteAccessTool[] = [
  {
    id: 'teamviewer',
    name: 'TeamViewer',
    windows: { processes: ['TeamViewer', 'TeamViewer_Service', 'TeamViewer_Desktop', 'TeamViewerQS*', 'tv_w32', 'tv_x64', 'tv_w64'], services: ['TeamViewer'], uninstall: ['TeamViewer'], folders: ['%ProgramFiles%\\TeamViewer', '%ProgramFiles(x86)%\\TeamViewer'] },
    linux: { processes: ['teamviewerd', 'TeamViewer', 'teamviewer'], packages: ['teamviewer', 'teamviewer-host'], folders: ['/opt/teamviewer', '/etc/teamviewer'] },
  },
  {
    id: 'ultraviewer',
    name: 'UltraViewer',
    windows: { processes: ['UltraViewer_Desktop', 'UltraViewer_Service', 'UltraViewer'], services: ['UltraViewService'], uninstall: ['UltraViewer'], folders: ['%ProgramFiles(x86)%\\UltraViewer', '%ProgramFiles%\\UltraViewer'] },
    linux: none,
  },
  {
    id: 'anydesk',
    name: 'AnyDesk',
    windows: { processes: ['AnyDesk*'], services: ['AnyDesk'], uninstall: ['AnyDesk'], folders: ['%ProgramFiles(x86)%\\AnyDesk', '%ProgramFiles%\\AnyDesk'] },
    linux: { processes: ['anydesk'], packages: ['anydesk'], folders: ['/usr/libexec/anydesk', '/etc/anydesk'] },
  },
  {
    id: 'rustdesk',
    name: 'RustDesk',
    windows: { processes: ['rustdesk*'], services: ['RustDesk'], uninstall: ['RustDesk'], folders: ['%ProgramFiles%\\RustDesk'] },
    linux: { processes: ['rustdesk'], packages: ['rustdesk'], folders: ['/usr/share/rustdesk', '/usr/lib/rustdesk'] },
  },
  {
    id: 'chrome-remote-desktop',
    name: 'Chrome Remote Desktop',
    windows: { processes: ['remoting_host', 'remote_host', 'remoting_desktop'], services: ['chromoting'], uninstall: ['Chrome Remote Desktop Host'], folders: ['%ProgramFiles(x86)%\\Google\\Chrome Remote Desktop', '%ProgramFiles%\\Google\\Chrome Remote Desktop'] },
    linux: { processes: ['chrome-remote-desktop-host', 'chrome-remote-de*', 'remoting_user_session'], packages: ['chrome-remote-desktop'], folders: ['/opt/google/chrome-remote-desktop'] },
  },
  {
    id: 'tightvnc',
    name: 'TightVNC',
    windows: { processes: ['tvnserver'], services: ['tvnserver'], uninstall: ['TightVNC'], folders: ['%ProgramFiles%\\TightVNC', '%ProgramFiles(x86)%\\TightVNC'] },
    linux: { processes: ['Xtightvnc'], packages: ['tightvncserver'], folders: [] },
  },
  {
    id: 'ultravnc',
    name: 'UltraVNC',
    windows: { processes: ['winvnc', 'UltraVNC*'], services: ['uvnc_service'], uninstall: ['UltraVNC'], folders: ['%ProgramFiles%\\uvnc bvba\\UltraVNC', '%ProgramFiles(x86)%\\uvnc bvba\\UltraVNC'] },
    linux: none,
  },
  {
    id: 'realvnc',
    name: 'RealVNC',
    windows: { processes: ['vncserver', 'vncserverui', 'vncagent'], services: ['vncserver'], uninstall: ['RealVNC Server', 'VNC Server'], folders: ['%ProgramFiles%\\RealVNC'] },
    linux: { processes: ['vncserver-x11*', 'vncagent'], packages: ['realvnc-vnc-server'], folders: ['/etc/vnc'] },
  },
  {
    id: 'tigervnc',
    name: 'TigerVNC',
    windows: { processes: ['winvnc4'], services: ['TigerVNC'], uninstall: ['TigerVNC'], folders: ['%ProgramFiles%\\TigerVNC'] },
    linux: { processes: ['Xtigervnc', 'x0vncserver', 'x0tigervncserver'], packages: ['tigervnc-standalone-server', 'tigervnc-scraping-server'], folders: [] },
  },
  {
    id: 'x11vnc',
    name: 'x11vnc',
    windows: { processes: [], services: [], uninstall: [], folders: [] },
    linux: { processes: ['x11vnc'], packages: ['x11vnc'], folders: [] },
  },
  {
    id: 'splashtop',
    name: 'Splashtop',
    windows: { processes: ['SRService', 'SRManager', 'SRServer', 'strwinclt', 'SplashtopStreamer'], services: ['SplashtopRemoteService'], uninstall: ['Splashtop Streamer', 'Splashtop'], folders: ['%ProgramFiles(x86)%\\Splashtop'] },
    linux: { processes: ['SRStreamer', 'splashtop-streamer'], packages: ['splashtop-streamer'], folders: ['/opt/splashtop-streamer'] },
  },
  {
    id: 'anyviewer',
    name: 'AnyViewer',
    windows: { processes: ['AnyViewer', 'RCClient', 'RCService', 'AVCore', 'ScreanCap'], services: ['RCService'], uninstall: ['AnyViewer'], folders: ['%ProgramFiles(x86)%\\AnyViewer'] },
    linux: none,
  },
  {
    id: 'screenconnect',
    name: 'ScreenConnect (ConnectWise Control)',
    windows: { processes: ['ScreenConnect.ClientService', 'ScreenConnect.WindowsClient', 'ConnectWiseControl*'], services: ['ScreenConnect Client*'], uninstall: ['ScreenConnect Client', 'ConnectWise Control Client'], folders: ['%ProgramFiles(x86)%\\ScreenConnect Client*'] },
    linux: { processes: [], packages: ['connectwisecontrol*', 'screenconnect*'], folders: ['/opt/screenconnect*', '/opt/connectwisecontrol*'] },
  },
  {
    id: 'ammyy-admin',
    name: 'Ammyy Admin',
    windows: { processes: ['AMMYY_Admin', 'aa_v*'], services: ['AmmyyAdmin'], uninstall: ['Ammyy Admin'], folders: ['%ProgramData%\\AMMYY'] },
    linux: none,
  },
  {
    id: 'dwservice',
    name: 'DWService',
    windows: { processes: ['dwagent', 'dwagsvc'], services: ['DWAgent'], uninstall: ['DWAgent'], folders: ['%ProgramFiles%\\DWAgent'] },
    linux: { processes: ['dwagent', 'dwagsvc'], packages: [], folders: ['/usr/share/dwagent'] },
  },
  {
    id: 'quick-assist',
    name: 'Microsoft Quick Assist',
    windows: { processes: ['QuickAssist'], services: [], uninstall: [], folders: [] },
    linux: none,
  },
  {
    id: 'logmein',
    name: 'LogMeIn',
    windows: { processes: ['LogMeIn', 'LMIGuardianSvc', 'LMIIgnition', 'LogMeInSystray'], services: ['LogMeIn'], uninstall: ['LogMeIn'], folders: ['%ProgramFiles(x86)%\\LogMeIn'] },
    linux: none,
  },
  {
    id: 'gotoassist',
    name: 'GoTo Assist (GoTo Resolve)',
    windows: { processes: ['GoToAssist', 'g2ax_comm_customer', 'GoTo Opener', 'GoToResolve*'], services: ['GoToAssist*', 'GoTo Resolve*'], uninstall: ['GoToAssist', 'GoTo Resolve'], folders: ['%ProgramFiles(x86)%\\GoTo Resolve Unattended'] },
    linux: none,
  },
  {
    id: 'supremo',
    name: 'Supremo',
    windows: { processes: ['Supremo', 'SupremoHelper', 'SupremoService', 'SupremoSystem'], services: ['SupremoService'], uninstall: ['Supremo'], folders: ['%ProgramData%\\SupremoRemoteDesktop'] },
    linux: none,
  },
  {
    id: 'remotepc',
    name: 'RemotePC',
    windows: { processes: ['RemotePC', 'RemotePCService', 'RemotePCHost', 'rpcsuite'], services: ['RPCService'], uninstall: ['RemotePC'], folders: ['%ProgramFiles(x86)%\\RemotePC'] },
    linux: { processes: ['remotepc*'], packages: ['remotepc', 'remotepc-host'], folders: ['/opt/remotepc'] },
  },
  {
    id: 'nomachine',
    name: 'NoMachine',
    windows: { processes: ['nxservice*', 'nxd', 'nxnode', 'nxserver'], services: ['nxservice'], uninstall: ['NoMachine'], folders: ['%ProgramFiles%\\NoMachine', '%ProgramFiles(x86)%\\NoMachine'] },
    linux: { processes: ['nxserver.bin', 'nxnode.bin', 'nxd'], packages: ['nomachine'], folders: ['/usr/NX'] },
  },
  {
    id: 'zoho-assist',
    name: 'Zoho Assist',
    windows: { processes: ['ZohoURSService', 'ZohoURS', 'ZA_Access', 'za_connect', 'ZohoMeeting'], services: ['Zoho Assist*', 'ZohoURSService'], uninstall: ['Zoho Assist'], folders: ['%ProgramFiles(x86)%\\ZohoMeeting'] },
    linux: { processes: ['ZohoURS*', 'zohoassist*'], packages: ['zoho-assist*'], folders: ['/opt/zoho'] },
  },
  {
    id: 'parsec',
    name: 'Parsec',
    windows: { processes: ['parsecd', 'pservice'], services: ['Parsec'], uninstall: ['Parsec'], folders: ['%ProgramFiles%\\Parsec'] },
    linux: { processes: ['parsecd'], packages: ['parsec'], folders: [] },
  },
  {
    id: 'meshcentral',
    name: 'MeshCentral agent',
    windows: { processes: ['MeshAgent*'], services: ['Mesh Agent'], uninstall: ['Mesh Agent'], folders: ['%ProgramFiles%\\Mesh Agent'] },
    linux: { processes: ['meshagent*'], packages: [], folders: ['/usr/local/mesh_services'] },
  },
  {
    id: 'dameware',
    name: 'DameWare',
    windows: { processes: ['dwrcs', 'dwrcst', 'DameWare*'], services: ['dwmrcs'], uninstall: ['DameWare'], folders: ['%SystemRoot%\\dwrcs'] },
    linux: none,
  },
  {
    id: 'aeroadmin',
    name: 'AeroAdmin',
    windows: { processes: ['AeroAdmin'], services: ['AeroAdmin'], uninstall: ['AeroAdmin'], folders: [] },
    linux: none,
  },
  {
    id: 'getscreen',
    name: 'Getscreen.me',
    windows: { processes: ['getscreen*'], services: ['Getscreen.me'], uninstall: ['Getscreen.me'], folders: ['%ProgramData%\\Getscreen.me', '%ProgramFiles%\\Getscreen.me'] },
    linux: { processes: ['getscreen*'], packages: ['getscreen*'], folders: [] },
  },
  {
    id: 'remote-utilities',
    name: 'Remote Utilities',
    windows: { processes: ['rutserv', 'rfusclient'], services: ['RManService'], uninstall: ['Remote Utilities'], folders: ['%ProgramFiles(x86)%\\Remote Utilities - Host'] },
    linux: none,
  },
  {
    id: 'radmin',
    name: 'Radmin Server',
    windows: { processes: ['rserver3'], services: ['RServer3'], uninstall: ['Radmin Server'], folders: ['%SystemRoot%\\SysWOW64\\rserver30'] },
    linux: none,
  },
  {
    id: 'netsupport',
    name: 'NetSupport Manager',
    windows: { processes: ['client32', 'pcictlui'], services: ['Client32'], uninstall: ['NetSupport Manager'], folders: ['%ProgramFiles(x86)%\\NetSupport'] },
    linux: none,
  },
  {
    id: 'xrdp',
    name: 'xrdp (RDP server for Linux)',
    windows: { processes: [], services: [], uninstall: [], folders: [] },
    linux: { processes: ['xrdp', 'xrdp-sesman'], packages: ['xrdp'], folders: ['/etc/xrdp'] },
  },
];
