; public-kiosk: additions to electron-builder's per-machine NSIS installer (nsis.include).
;
; Install (also silent: public-kiosk-Setup.exe /S /KIOSKUSER=kiosk):
;   1. C:\ProgramData\public-kiosk: administrators and SYSTEM may change it (the machine policy,
;      policy.yaml, lives here), users may only read it;
;   2. its session-data, downloads and state folders: the kiosk account only (plus SYSTEM and
;      administrators), so no other user of the machine can read a citizen's data;
;   3. `install-schedule`: the scheduled tasks \public-kiosk\Shift wipe (wipe --if-due at each
;      shift end and at the kiosk account's sign-in) and \public-kiosk\Start kiosk (starts the
;      kiosk when the kiosk account signs in).
; Uninstall (not update): removes both tasks and the citizens' data folders; the state folder
; (audit log: the record of every wipe) and the policy stay until an administrator deletes them.

!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef BUILD_UNINSTALLER
Var PkKioskUser
Var PkDataRoot

!macro publicKioskDataDir NAME
  CreateDirectory "$PkDataRoot\${NAME}"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$PkDataRoot\${NAME}" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F "$PkKioskUser:(OI)(CI)M"'
  Pop $0
  ${If} $0 != 0
    DetailPrint "public-kiosk: could not give the account $PkKioskUser access to $PkDataRoot\${NAME} (icacls exit $0)"
    StrCpy $R9 "1"
  ${EndIf}
!macroend

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSKUSER=" $PkKioskUser
  ${If} ${Errors}
  ${OrIf} $PkKioskUser == ""
    StrCpy $PkKioskUser "kiosk"
  ${EndIf}
  ReadEnvStr $PkDataRoot "ProgramData"
  ${If} $PkDataRoot == ""
    StrCpy $PkDataRoot "C:\ProgramData"
  ${EndIf}
  StrCpy $PkDataRoot "$PkDataRoot\public-kiosk"
  StrCpy $R9 "0"

  CreateDirectory "$PkDataRoot"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$PkDataRoot" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $0
  !insertmacro publicKioskDataDir "session-data"
  !insertmacro publicKioskDataDir "downloads"
  !insertmacro publicKioskDataDir "state"

  nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk-cli install-schedule --kiosk-user "$PkKioskUser"'
  Pop $0
  ${If} $0 != 0
    StrCpy $R9 "1"
  ${EndIf}
  ${If} $R9 != "0"
    MessageBox MB_OK|MB_ICONEXCLAMATION "public-kiosk: the kiosk account '$PkKioskUser' was not found or the scheduled tasks could not be registered.$\r$\nCreate the account, then run as administrator:$\r$\n  $\"$INSTDIR\${APP_EXECUTABLE_FILENAME}$\" --kiosk-cli install-schedule --kiosk-user <account>$\r$\n(see INSTALL.md). / Chưa tìm thấy tài khoản kiosk hoặc chưa đăng ký được tác vụ: xem INSTALL.md." /SD IDOK
  ${EndIf}
!macroend
!endif

!macro customUnInstall
  ${IfNot} ${isUpdated}
    nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk-cli install-schedule --remove'
    Pop $0
    ReadEnvStr $1 "ProgramData"
    ${If} $1 != ""
      RMDir /r "$1\public-kiosk\session-data"
      RMDir /r "$1\public-kiosk\downloads"
    ${EndIf}
  ${EndIf}
!macroend
