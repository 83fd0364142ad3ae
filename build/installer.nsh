; public-kiosk: additions to electron-builder's per-machine NSIS installer (nsis.include).
;
; Install (also silent: public-kiosk-Setup.exe /S /KIOSKUSER=kiosk):
;   1. the kiosk account: /KIOSKUSER=name, else the one remembered from the first install
;      (HKLM\SOFTWARE\public-kiosk KioskUser, which the MSI uses too), else the CLI's own choice
;      (the machine policy's install.kioskUser, else kiosk). An empty /KIOSKUSER= stops the install.
;   2. `install-folders`: C:\ProgramData\public-kiosk owned by Administrators, inherited rights reset
;      over anything already there, SYSTEM and Administrators full, users read (policy.yaml); only the
;      kiosk account changes session-data, downloads and state (every icacls exit code is checked there);
;   3. `install-schedule`: the scheduled tasks \public-kiosk\Shift wipe and \public-kiosk\Start kiosk.
;   Any failure aborts the install with the command to run by hand (NSIS has no rollback: the
;   program files stay, and no task or folder right is left half-done by us).
; Uninstall (not update): removes both tasks and the citizens' data folders; the state folder
; (audit log: the record of every wipe) and the policy stay until an administrator deletes them.

!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define PK_REMEMBERED_KEY "SOFTWARE\public-kiosk"
!define PK_REMEMBERED_VALUE "KioskUser"

!ifndef BUILD_UNINSTALLER
Var PkKioskUser
Var PkUserArgument

; Runs one CLI step; a non-zero exit code aborts the install.
!macro publicKioskStep WORDS
  nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk-cli ${WORDS} $PkUserArgument'
  Pop $0
  ${If} $0 != 0
    DetailPrint "public-kiosk: ${WORDS} failed (exit $0)"
    MessageBox MB_OK|MB_ICONSTOP "public-kiosk: '${WORDS}' failed (exit $0): check that the kiosk account exists, then run as administrator:$\r$\n  $\"$INSTDIR\${APP_EXECUTABLE_FILENAME}$\" --kiosk-cli ${WORDS} --kiosk-user <account>$\r$\n(see INSTALL.md). / Cài đặt thất bại ở bước '${WORDS}': xem INSTALL.md." /SD IDOK
    SetErrorLevel 2
    Abort "public-kiosk: ${WORDS} failed (exit $0)"
  ${EndIf}
!macroend

!macro customInstall
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSKUSER=" $PkKioskUser
  ${If} ${Errors}
    ; Not given: the account of the first install (a re-run or an update must not forget it).
    ReadRegStr $PkKioskUser HKLM "${PK_REMEMBERED_KEY}" "${PK_REMEMBERED_VALUE}"
  ${ElseIf} $PkKioskUser == ""
    MessageBox MB_OK|MB_ICONSTOP "public-kiosk: /KIOSKUSER= is empty: give the kiosk account's name. / Thiếu tên tài khoản kiosk." /SD IDOK
    SetErrorLevel 2
    Abort "public-kiosk: /KIOSKUSER= is empty"
  ${EndIf}
  ${If} $PkKioskUser == ""
    StrCpy $PkUserArgument ""
  ${Else}
    StrCpy $PkUserArgument '--kiosk-user "$PkKioskUser"'
  ${EndIf}

  !insertmacro publicKioskStep "install-folders"
  !insertmacro publicKioskStep "install-schedule"
  ${If} $PkKioskUser != ""
    WriteRegStr HKLM "${PK_REMEMBERED_KEY}" "${PK_REMEMBERED_VALUE}" "$PkKioskUser"
  ${EndIf}
!macroend
!endif

!macro customUnInstall
  ${IfNot} ${isUpdated}
    SetRegView 64
    nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk-cli install-schedule --remove'
    Pop $0
    ${If} $0 != 0
      DetailPrint "public-kiosk: install-schedule --remove failed (exit $0): delete the tasks in \public-kiosk\ by hand"
    ${EndIf}
    DeleteRegValue HKLM "${PK_REMEMBERED_KEY}" "${PK_REMEMBERED_VALUE}"
    DeleteRegKey /ifempty HKLM "${PK_REMEMBERED_KEY}"
    ReadEnvStr $1 "ProgramData"
    ${If} $1 != ""
      RMDir /r "$1\public-kiosk\session-data"
      RMDir /r "$1\public-kiosk\downloads"
    ${EndIf}
    DetailPrint "public-kiosk: kept $1\public-kiosk\state (the audit log is evidence) and policy.yaml"
  ${EndIf}
!macroend
