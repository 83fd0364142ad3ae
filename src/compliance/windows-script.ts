/**
 * The one PowerShell script the Windows probes run (windows-probes.ts): it prints one JSON document
 * (windows-output.ts validates it). Each section is collected in its own try/catch and is null when
 * it failed, so one broken WMI class costs one check, not all of them. It reads names and states only:
 * process *names* (Get-Process ProcessName, never the command line or window title), service names,
 * Uninstall DisplayNames, Appx package names, registry policy values, Security Center product states.
 *
 * NOT RUN ON WINDOWS HERE: the development machine has no PowerShell (and Wine has none). Its output
 * format is tested with recorded documents (test/src/compliance/fixtures/).
 */
export function windowsProbeScript(folders: readonly string[]): string {
  const folderList = folders.map((folder) => `'${folder.replace(/'/g, "''")}'`).join(',');
  return `
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
$out = [ordered]@{ version = 1 }
function Section($name, $block) { try { $out[$name] = & $block } catch { $out[$name] = $null } }
Section 'os' {
  $os = Get-CimInstance Win32_OperatingSystem
  $cv = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'
  @{ caption = [string]$os.Caption; version = [string]$os.Version; build = [int]$os.BuildNumber; displayVersion = [string]$cv.DisplayVersion; editionId = [string]$cv.EditionID }
}
Section 'processes' { ,@(Get-Process | ForEach-Object { [string]$_.ProcessName } | Sort-Object -Unique) }
Section 'services' { ,@(Get-Service | ForEach-Object { [string]$_.Name }) }
Section 'uninstall' {
  $keys = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*','HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*'
  ,@(Get-ItemProperty $keys -ErrorAction SilentlyContinue | Where-Object { $_.DisplayName } | ForEach-Object { [string]$_.DisplayName } | Sort-Object -Unique)
}
Section 'appx' { ,@(Get-AppxPackage | ForEach-Object { [string]$_.Name }) }
Section 'folders' { $f = @(${folderList}); ,@($f | Where-Object { Test-Path -Path ([Environment]::ExpandEnvironmentVariables($_)) }) }
Section 'remoteDesktop' {
  $ts = Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server' -ErrorAction SilentlyContinue
  $ra = Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Remote Assistance' -ErrorAction SilentlyContinue
  @{ rdpEnabled = $(if ($ts) { $ts.fDenyTSConnections -eq 0 } else { $null }); remoteAssistanceEnabled = $(if ($ra) { $ra.fAllowToGetHelp -eq 1 } else { $null }) }
}
Section 'antivirus' { ,@(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | ForEach-Object { @{ name = [string]$_.displayName; productState = [int64]$_.productState } }) }
Section 'defender' {
  $mp = Get-MpComputerStatus
  @{ antivirusEnabled = [bool]$mp.AntivirusEnabled; realTimeProtectionEnabled = [bool]$mp.RealTimeProtectionEnabled; signatureAgeDays = [int]$mp.AntivirusSignatureAge }
}
Section 'updates' {
  $searcher = (New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher()
  $count = $searcher.GetTotalHistoryCount()
  $history = if ($count -gt 0) { @($searcher.QueryHistory(0, [Math]::Min($count, 1000))) } else { @() }
  $last = $history | Where-Object {
    $_.Operation -eq 1 -and $_.ResultCode -eq 2 -and $_.Title -notmatch 'KB2267602|Security Intelligence|Definition Update|Defender Antivirus' -and
    ($_.Title -match 'Security Update|Cumulative Update' -or @($_.Categories | Where-Object { $_.Name -eq 'Security Updates' }).Count -gt 0)
  } | Sort-Object Date -Descending | Select-Object -First 1
  @{ lastSecurityUpdate = $(if ($last) { $last.Date.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ') } else { $null }); serviceStartType = [string](Get-Service wuauserv).StartType }
}
Section 'browsers' {
  $read = { param($key, $names) $p = Get-ItemProperty $key -ErrorAction SilentlyContinue; $r = @{}; foreach ($n in $names) { $r[$n] = $(if ($p -and $null -ne $p.$n) { [int]$p.$n } else { $null }) }; $r }
  $chromium = 'PasswordManagerEnabled','AutofillAddressEnabled','AutofillCreditCardEnabled'
  $app = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\'
  @{
    chrome = @{ installed = (Test-Path ($app + 'chrome.exe')); settings = (& $read 'HKLM:\\SOFTWARE\\Policies\\Google\\Chrome' $chromium) }
    edge = @{ installed = (Test-Path ($app + 'msedge.exe')); settings = (& $read 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Edge' $chromium) }
    chromium = @{ installed = (Test-Path 'HKLM:\\SOFTWARE\\Clients\\StartMenuInternet\\Chromium*'); settings = (& $read 'HKLM:\\SOFTWARE\\Policies\\Chromium' $chromium) }
    firefox = @{ installed = (Test-Path ($app + 'firefox.exe')); settings = (& $read 'HKLM:\\SOFTWARE\\Policies\\Mozilla\\Firefox' @('PasswordManagerEnabled','OfferToSaveLogins')) }
  }
}
Section 'printers' { ,@(Get-CimInstance Win32_Printer | ForEach-Object { @{ name = [string]$_.Name; port = [string]$_.PortName } }) }
Section 'account' {
  $id = [Security.Principal.WindowsIdentity]::GetCurrent()
  $elevated = (New-Object Security.Principal.WindowsPrincipal $id).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
  $member = $false
  try { $member = @(Get-LocalGroupMember -SID 'S-1-5-32-544' | Where-Object { $_.SID -eq $id.User }).Count -gt 0 } catch { }
  @{ administrator = [bool]($elevated -or $member) }
}
[Console]::Out.Write(($out | ConvertTo-Json -Depth 6 -Compress))
`;
}

/** -EncodedCommand takes the script as base64 of UTF-16LE. */
export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}
