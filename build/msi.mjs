// The MSI for fleet deployment (Group Policy software installation, Intune line-of-business apps):
// built from electron-builder's win-unpacked tree with Debian's wixl (msitools). `npm run dist:msi`
// (scripts/dist-msi.mjs) calls buildMsi; test/installers/ builds it around a stub exe and installs it
// under Wine. wixl 0.101 has no Permission table and no script actions, and misplaces Before=/After=:
// the folder ACLs are set by the app's own CLI (install-folders runs icacls and checks every exit
// code), and every action of ours has an explicit Sequence number.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Never change: Windows recognises earlier versions of the product by it (major upgrades). */
export const UPGRADE_CODE = '0CA9AF1D-C9ED-408F-8303-369940E8EF84';
/** Where both installers remember the kiosk account for repairs, upgrades and re-runs. */
export const REMEMBERED_KEY = 'SOFTWARE\\public-kiosk';
export const REMEMBERED_VALUE = 'KioskUser';
export const EXE = 'public-kiosk.exe';

// Standard actions sit at 1000s (InstallInitialize 1500, InstallFiles 4000, InstallFinalize 6600);
// ours go between them. RemoveExistingProducts right after InstallInitialize: the old version is
// removed first (its --remove never runs: UPGRADINGPRODUCTCODE is set), then this one installs.
export const SEQUENCE = {
  rememberedAccount: 60, // after AppSearch (50), before LaunchConditions (100) judges the account
  userArgument: 70,
  keptNote: 80,
  removeExistingProducts: 1510,
  removeTasks: 1600, // before files are removed (RemoveFiles 3500): the exe is still there
  prepareFolders: 5900, // after InstallFiles and CreateFolders, deferred, as LocalSystem
  registerTasks: 5910,
};

/** Characters no Windows account name may hold (and that would break out of a command line). */
// A double quote cannot be written in an MSI condition; install-folders refuses it (the install rolls back).
const FORBIDDEN_IN_ACCOUNT = ['/', '[', ']', ':', ';', '|', '=', ',', '+', '*', '?', '<', '>', '%', '^', '&', '`'];

/** The MSI condition under which KIOSKUSER is acceptable (empty: the machine policy decides). */
export function accountCondition() {
  const parts = FORBIDDEN_IN_ACCOUNT.map((c) => `NOT (KIOSKUSER >< "${c}")`);
  return `Installed OR REMOVE~="ALL" OR NOT KIOSKUSER OR (${parts.join(' AND ')} AND NOT (KIOSKUSER << " ") AND NOT (KIOSKUSER >> " "))`;
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The product definition; the file list comes from wixl-heat (component group AppFiles). */
export function productWxs({ version, manufacturer = 'public-kiosk developers' }) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`version '${version}' is not MAJOR.MINOR.PATCH (an MSI ProductVersion)`);
  const cli = (args) => `--kiosk-cli ${args}`;
  const deferred = (id, args, ret) =>
    `    <CustomAction Id="${id}" FileKey="PublicKioskExe" ExeCommand="${escapeXml(cli(args))}" Execute="deferred" Impersonate="no" Return="${ret}"/>`;
  const kept = 'public-kiosk: uninstall keeps C:\\ProgramData\\public-kiosk\\state (the audit log is evidence) and policy.yaml; an administrator deletes them once the log is archived.';
  const dataFolder = (id, name, guid) => `          <Directory Id="${id}" Name="${name}">
            <Component Id="${id}Folder" Guid="${guid}" Win64="yes"><CreateFolder/></Component>
          </Directory>`;
  return `<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="public-kiosk" Manufacturer="${escapeXml(manufacturer)}" Version="${version}" UpgradeCode="${UPGRADE_CODE}" Language="1033" Codepage="1252">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Description="public-kiosk ${version}" Manufacturer="${escapeXml(manufacturer)}"/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <MajorUpgrade DowngradeErrorMessage="A newer public-kiosk is already installed."/>
    <Property Id="ARPNOMODIFY" Value="1"/>
    <Property Id="REMEMBEREDKIOSKUSER">
      <RegistrySearch Id="RememberedKioskUser" Root="HKLM" Key="${REMEMBERED_KEY}" Name="${REMEMBERED_VALUE}" Type="raw" Win64="yes"/>
    </Property>
    <Condition Message="public-kiosk: KIOSKUSER=&quot;[KIOSKUSER]&quot; is not a Windows account name (letters, digits, . _ - space, an optional COMPUTER\\ prefix); nothing was changed.">${escapeXml(accountCondition())}</Condition>

    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="public-kiosk">
          <Component Id="MainExecutable" Guid="8A1E0C2B-E0FC-4F44-9CAD-F7CBD5E0536D" Win64="yes">
            <File Id="PublicKioskExe" Name="${EXE}" Source="$(var.SourceDir)/${EXE}" KeyPath="yes"/>
          </Component>
          <Component Id="RememberedAccount" Guid="21E32702-1685-4E18-A46A-8A89E12651A8" Win64="yes">
            <RegistryValue Root="HKLM" Key="${REMEMBERED_KEY}" Name="${REMEMBERED_VALUE}" Type="string" Value="[KIOSKUSER]" KeyPath="yes"/>
          </Component>
        </Directory>
      </Directory>
      <Directory Id="CommonAppDataFolder">
        <Directory Id="KioskDataRoot" Name="public-kiosk">
          <Component Id="KioskDataRootFolder" Guid="0F01A967-7958-4DF8-93A1-1B0A889CA20E" Win64="yes"><CreateFolder/></Component>
${dataFolder('SessionData', 'session-data', '070EB394-3957-4D06-BF23-D1F8AFD4A401')}
${dataFolder('Downloads', 'downloads', '5B0B7E51-2F59-4B8C-9E0A-6C1D2E3F4A5B')}
          <Directory Id="State" Name="state">
            <!-- No component GUID: never registered, so never removed. The audit log is evidence. -->
            <Component Id="StateFolder" Guid="" Win64="yes"><CreateFolder/></Component>
          </Directory>
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder">
        <Component Id="StartMenuShortcut" Guid="6D3C2B1A-0F9E-4D8C-B7A6-958473625140" Win64="yes">
          <Shortcut Id="PublicKioskShortcut" Name="public-kiosk" Description="public-kiosk" Target="[INSTALLDIR]${EXE}" WorkingDirectory="INSTALLDIR"/>
          <RegistryValue Root="HKLM" Key="${REMEMBERED_KEY}" Name="StartMenuShortcut" Type="integer" Value="1" KeyPath="yes"/>
        </Component>
      </Directory>
    </Directory>

    <Feature Id="Kiosk" Level="1" Title="public-kiosk">
      <ComponentRef Id="MainExecutable"/>
      <ComponentRef Id="RememberedAccount"/>
      <ComponentRef Id="KioskDataRootFolder"/>
      <ComponentRef Id="SessionDataFolder"/>
      <ComponentRef Id="DownloadsFolder"/>
      <ComponentRef Id="StateFolder"/>
      <ComponentRef Id="StartMenuShortcut"/>
      <ComponentGroupRef Id="AppFiles"/>
    </Feature>

    <!-- A repair or upgrade without KIOSKUSER keeps the account given at first install. -->
    <CustomAction Id="UseRememberedKioskUser" Property="KIOSKUSER" Value="[REMEMBEREDKIOSKUSER]"/>
    <CustomAction Id="SetKioskUserArgument" Property="PKUSERARGUMENT" Value="--kiosk-user &quot;[KIOSKUSER]&quot;"/>
    <CustomAction Id="SayWhatUninstallKeeps" Property="PKKEPT" Value="${escapeXml(kept)}"/>
${deferred('PrepareDataFolders', 'install-folders [PKUSERARGUMENT]', 'check')}
${deferred('RegisterTasks', 'install-schedule [PKUSERARGUMENT]', 'check')}
${deferred('RemoveTasks', 'install-schedule --remove', 'ignore')}

    <InstallExecuteSequence>
      <Custom Action="UseRememberedKioskUser" Sequence="${SEQUENCE.rememberedAccount}">NOT KIOSKUSER AND REMEMBEREDKIOSKUSER</Custom>
      <Custom Action="SetKioskUserArgument" Sequence="${SEQUENCE.userArgument}">KIOSKUSER</Custom>
      <Custom Action="SayWhatUninstallKeeps" Sequence="${SEQUENCE.keptNote}">REMOVE~="ALL"</Custom>
      <RemoveExistingProducts Sequence="${SEQUENCE.removeExistingProducts}"/>
      <Custom Action="RemoveTasks" Sequence="${SEQUENCE.removeTasks}">REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE</Custom>
      <Custom Action="PrepareDataFolders" Sequence="${SEQUENCE.prepareFolders}">NOT REMOVE~="ALL"</Custom>
      <Custom Action="RegisterTasks" Sequence="${SEQUENCE.registerTasks}">NOT REMOVE~="ALL"</Custom>
    </InstallExecuteSequence>
  </Product>
</Wix>
`;
}

/** What is wrong with the build inputs, as sentences (empty: ready). */
export function msiInputProblems(unpacked) {
  if (!existsSync(path.join(unpacked, EXE))) {
    return [`${unpacked} has no ${EXE}: build the Windows app first with \`npm run dist -- --win --dir\` (on Windows), which writes out/installers/win-unpacked`];
  }
  return [];
}

/**
 * KIOSKUSER joins SecureCustomProperties (wixl has no Secure attribute): Windows passes only secure
 * public properties to the elevated install when a non-administrator starts it with a UAC prompt.
 */
function secureKioskUser(msi) {
  const table = execFileSync('msiinfo', ['export', msi, 'Property'], { encoding: 'utf8' });
  const current = /^SecureCustomProperties\t(.*)$/m.exec(table)?.[1]?.trim();
  const value = ['KIOSKUSER', ...(current ? current.split(';') : [])].join(';');
  const query = current
    ? `UPDATE \`Property\` SET \`Value\` = '${value}' WHERE \`Property\` = 'SecureCustomProperties'`
    : `INSERT INTO \`Property\` (\`Property\`, \`Value\`) VALUES ('SecureCustomProperties', '${value}')`;
  execFileSync('msibuild', [msi, '-q', query], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Builds `out` from `unpacked` with wixl-heat and wixl; returns the MSI's path. */
export function buildMsi({ unpacked, version, out, manufacturer }) {
  const problems = msiInputProblems(unpacked);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const work = mkdtempSync(path.join(tmpdir(), 'pk-msi-'));
  try {
    const source = path.resolve(unpacked);
    const listing = execFileSync('find', ['.', '-type', 'f'], { cwd: source, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && f !== `./${EXE}`)
      .map((f) => `SourceDir/${f.slice(2)}`)
      .sort()
      .join('\n');
    const heat = execFileSync('wixl-heat', ['--prefix', 'SourceDir/', '--component-group', 'AppFiles', '--var', 'var.SourceDir', '--directory-ref', 'INSTALLDIR', '--win64'], { input: `${listing}\n`, encoding: 'utf8' });
    writeFileSync(path.join(work, 'files.wxs'), heat);
    writeFileSync(path.join(work, 'product.wxs'), productWxs({ version, ...(manufacturer ? { manufacturer } : {}) }));
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    rmSync(out, { force: true });
    // wixl takes only relative sources: it runs in the tree, SourceDir is '.'.
    execFileSync('wixl', ['-a', 'x64', '-D', 'SourceDir=.', '-D', 'Win64=yes', '-o', path.resolve(out), path.join(work, 'product.wxs'), path.join(work, 'files.wxs')], { cwd: source, stdio: ['ignore', 'pipe', 'pipe'] });
    // wixl can exit 0 without writing anything (an output folder it cannot write to).
    if (!existsSync(out)) throw new Error(`wixl wrote no ${out}`);
    secureKioskUser(path.resolve(out));
    return path.resolve(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
