#!/bin/bash
# public-kiosk .deb postrm (electron-builder afterRemove template: ${executable} and
# ${sanitizedProductName} are filled in at packaging). electron-builder's own clean-up, then the
# kiosk's: on removal the citizens' data folders go (browser data, downloads); the state root with
# the audit log stays as the record of every wipe until the package is purged.

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

if [ -f '/etc/apparmor.d/${executable}' ]; then
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove '/etc/apparmor.d/${executable}' || true
    fi
  fi
  rm -f '/etc/apparmor.d/${executable}'
fi

case "$1" in
    remove)
        rm -f /usr/bin/public-kiosk-cli
        rm -rf /var/lib/public-kiosk/session-data /var/lib/public-kiosk/downloads
        ;;
    purge)
        rm -f /usr/bin/public-kiosk-cli
        rm -rf /var/lib/public-kiosk
        ;;
esac
exit 0
