#!/usr/bin/env bash
# Sets up a Debian/Ubuntu display controller to boot straight into the IOC Wall, unattended:
# a dedicated user with auto-login into an X11 session, no screen blanking or power saving, no
# cursor, and the controller as a systemd user unit that restarts whenever it exits.
# With --service, the standalone wall service as a system unit with its health probe instead.
#
#   sudo deploy/linux/kiosk-setup.sh [--appimage PATH] [--service]
#
# Idempotent: running it again changes nothing that is already in place.
set -euo pipefail

KIOSK_USER=ioc-wall
APPIMAGE=""
SERVICE=no
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --appimage) APPIMAGE="$2"; shift 2 ;;
    --service) SERVICE=yes; shift ;;
    *) echo "unknown option: $1 (use --appimage PATH, --service)" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)" >&2; exit 1; }

id "$KIOSK_USER" >/dev/null 2>&1 || useradd --create-home --shell /bin/bash --user-group "$KIOSK_USER"
install -d -m 0755 /opt/ioc-wall /etc/ioc-wall

if [ "$SERVICE" = yes ]; then
  # The service needs Node 20 and the built app in /opt/ioc-wall (npm ci && npm run build).
  [ -d /etc/ioc-wall/layouts ] || cp -r /opt/ioc-wall/layouts /etc/ioc-wall/layouts
  install -m 0644 "$HERE/ioc-wall-service.service" "$HERE/ioc-wall-health.service" "$HERE/ioc-wall-health.timer" /etc/systemd/system/
  [ -f /etc/ioc-wall/service.env ] || printf 'PORT=8080\nHOST=127.0.0.1\n' > /etc/ioc-wall/service.env
  chmod 0640 /etc/ioc-wall/service.env && chgrp "$KIOSK_USER" /etc/ioc-wall/service.env
  systemctl daemon-reload
  systemctl enable --now ioc-wall-service.service ioc-wall-health.timer
  echo "the wall service runs as ioc-wall-service.service (settings: /etc/ioc-wall/service.env)"
  exit 0
fi

apt-get install -y --no-install-recommends lightdm openbox x11-xserver-utils unclutter
[ -n "$APPIMAGE" ] && install -m 0755 "$APPIMAGE" /opt/ioc-wall/IOC-Wall.AppImage

# Auto-login into an X11 session (Wayland compositors ignore the window positions the wall sets).
install -d /etc/lightdm/lightdm.conf.d
cat > /etc/lightdm/lightdm.conf.d/50-ioc-wall.conf <<CONF
[Seat:*]
autologin-user=$KIOSK_USER
autologin-session=openbox
xserver-command=X -s 0 -dpms -nocursor
CONF

# In the session: no blanking, no power saving, no cursor; the controller starts as a user unit.
HOME_DIR="$(getent passwd "$KIOSK_USER" | cut -d: -f6)"
install -d -o "$KIOSK_USER" -g "$KIOSK_USER" "$HOME_DIR/.config/openbox" "$HOME_DIR/.config/systemd/user" "$HOME_DIR/.config/ioc-wall"
cat > "$HOME_DIR/.config/openbox/autostart" <<'AUTOSTART'
xset s off -dpms s noblank
unclutter -idle 0.1 -root &
systemctl --user import-environment DISPLAY XAUTHORITY
systemctl --user start ioc-wall.service
AUTOSTART
install -m 0644 -o "$KIOSK_USER" -g "$KIOSK_USER" "$HERE/ioc-wall.service" "$HERE/ioc-wall-watchdog.service" "$HERE/ioc-wall-watchdog.timer" "$HOME_DIR/.config/systemd/user/"
# The watchdog's timer starts with the user's units (linger below), checking the controller's heartbeat.
install -d -o "$KIOSK_USER" -g "$KIOSK_USER" "$HOME_DIR/.config/systemd/user/timers.target.wants"
ln -sf ../ioc-wall-watchdog.timer "$HOME_DIR/.config/systemd/user/timers.target.wants/ioc-wall-watchdog.timer"
[ -f "$HOME_DIR/.config/ioc-wall/controller.env" ] || printf '# WALL_* settings for the controller (see the README)\n' > "$HOME_DIR/.config/ioc-wall/controller.env"
chown -R "$KIOSK_USER:$KIOSK_USER" "$HOME_DIR/.config"
# The user's units run from boot, logged in or not.
loginctl enable-linger "$KIOSK_USER"
echo "reboot: the controller logs in as $KIOSK_USER and starts the wall (ioc-wall.service, user unit)"
