#!/bin/sh
# public-kiosk .deb prerm: on removal (not on upgrade, where postinst re-registers) stop and delete
# the shift-wipe timer and service that install-schedule wrote. Plain shell, no app binary needed,
# so a damaged installation can still be removed. Unit names: src/install/systemd-units.ts.
set -e
case "$1" in
    remove|purge|deconfigure) ;;
    *) exit 0 ;;
esac
if [ -d /run/systemd/system ]; then
    systemctl disable --now public-kiosk-wipe.timer >/dev/null 2>&1 || true
fi
rm -f /etc/systemd/system/public-kiosk-wipe.timer /etc/systemd/system/public-kiosk-wipe.service
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
exit 0
