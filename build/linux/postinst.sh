#!/bin/bash
# public-kiosk .deb postinst (electron-builder afterInstall template: ${executable} and
# ${sanitizedProductName} are filled in at packaging; plain shell variables are written $name).
# electron-builder's own steps first (command link, sandbox helper, desktop database, AppArmor),
# then the kiosk's: data folders for the kiosk account and the shift-wipe timer.

app_dir='/opt/${sanitizedProductName}'

if type update-alternatives >/dev/null 2>&1; then
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' "$app_dir/${executable}" 100 || ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
else
    ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
fi
# The display-less CLI (what the timer runs, and what an IT officer uses over SSH).
ln -sf "$app_dir/public-kiosk-cli" /usr/bin/public-kiosk-cli

if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 "$app_dir/chrome-sandbox" || true
else
    chmod 0755 "$app_dir/chrome-sandbox" || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

if apparmor_status --enabled > /dev/null 2>&1; then
  profile_source="$app_dir/resources/apparmor-profile"
  profile_target='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$profile_source" > /dev/null 2>&1; then
    cp -f "$profile_source" "$profile_target"
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$profile_target"
    fi
  fi
fi

# --- public-kiosk -----------------------------------------------------------------------------
# The machine policy lives in /etc/public-kiosk/policy.yaml (root only may change it). The kiosk
# account is named in /etc/default/public-kiosk as KIOSK_USER=name (default: kiosk).
install -d -m 0755 -o root -g root /etc/public-kiosk
kiosk_user=kiosk
if [ -r /etc/default/public-kiosk ]; then
    . /etc/default/public-kiosk
    kiosk_user="$KIOSK_USER"
    [ -n "$kiosk_user" ] || kiosk_user=kiosk
fi

if ! id -u "$kiosk_user" >/dev/null 2>&1; then
    echo "public-kiosk: there is no account '$kiosk_user' yet. Create it (docs/INSTALL.md), then run:"
    echo "  sudo public-kiosk-cli install-schedule --kiosk-user $kiosk_user"
    exit 0
fi

# Data roots of the default policy, private to the kiosk account (the state root holds the audit log).
install -d -m 0755 -o root -g root /var/lib/public-kiosk
for dir in session-data downloads state; do
    install -d -m 0700 -o "$kiosk_user" -g "$(id -gn "$kiosk_user")" "/var/lib/public-kiosk/$dir"
done

if [ -d /run/systemd/system ]; then
    "$app_dir/public-kiosk-cli" install-schedule --kiosk-user "$kiosk_user" \
        || echo "public-kiosk: the shift-wipe timer was NOT registered; run: sudo public-kiosk-cli install-schedule --kiosk-user $kiosk_user"
else
    echo "public-kiosk: systemd is not running here; after the first boot run: sudo public-kiosk-cli install-schedule --kiosk-user $kiosk_user"
fi
exit 0
