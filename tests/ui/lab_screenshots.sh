#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The real program under Xvfb with a tray host (trayer): `aoesan --lab` builds its private network
# namespace and demo SAN, the test waits until the Targets table holds every demo target, checks that
# the tray icon is embedded in the tray, drives the window with its keyboard shortcuts (pages, the New
# export wizard, Stop export), and checks that the stopped export raises no "is down" notification once
# discovery notices its silence. Screenshots of Targets, Shelves, Exports, the wizard and the tray are
# written to the output directory. It asserts on what the program did (its log of discovery counts and notifications, the X11
# window tree), not only on the files.
#   lab_screenshots.sh AOESAN OUTPUT_DIR        (exit 77 = skipped, with the reason)
# With AOESAN_LAB_USER=nobody (and run as root) the program runs as that user: rootless lab mode, in a
# user namespace of its own.
set -uo pipefail
# shellcheck source=xsession.sh
source "$(dirname "$0")/xsession.sh"

app=$1
out=${AOESAN_SCREENSHOT_DIR:-$2} # AOESAN_SCREENSHOT_DIR=docs/screenshots refreshes the README's
skip() { echo "SKIP: $*"; exit 77; }
fail() {
    echo "FAIL: $*"
    [ -f "$work/app.log" ] && { echo "--- aoesan log (tail) ---"; tail -40 "$work/app.log"; }
    exit 1
}

for tool in Xvfb trayer xdotool xwininfo xdpyinfo import convert; do
    command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install xvfb trayer xdotool x11-utils imagemagick)"
done
[ -x "$app" ] || skip "no aoesan binary at $app"
if [ "$(id -u)" -ne 0 ] && ! unshare --user --map-current-user --net true 2>/dev/null; then
    skip "lab mode needs root or unprivileged user namespaces"
fi
command -v ip >/dev/null || [ -x /usr/sbin/ip ] || [ -x /sbin/ip ] || skip "ip (iproute2) is missing"

run_as=()
if [ -n "${AOESAN_LAB_USER:-}" ]; then
    [ "$(id -u)" -eq 0 ] || skip "running the program as $AOESAN_LAB_USER needs root"
    id "$AOESAN_LAB_USER" >/dev/null 2>&1 || skip "no user $AOESAN_LAB_USER"
    command -v setpriv >/dev/null || skip "setpriv is missing (util-linux)"
    setpriv --reuid="$(id -u "$AOESAN_LAB_USER")" --regid="$(id -g "$AOESAN_LAB_USER")" --clear-groups \
        unshare --user --map-current-user --net true 2>/dev/null || skip "unprivileged user namespaces are not allowed"
    setpriv --reuid="$(id -u "$AOESAN_LAB_USER")" --regid="$(id -g "$AOESAN_LAB_USER")" --clear-groups test -x "$app" \
        || skip "$AOESAN_LAB_USER cannot run $app"
    run_as=(setpriv --reuid="$(id -u "$AOESAN_LAB_USER")" --regid="$(id -g "$AOESAN_LAB_USER")" --clear-groups)
fi

work=$(mktemp -d /tmp/aoesan-screenshots-XXXXXX)
mkdir -p "$out"
pids=()
cleanup() {
    # Only what this script started, by pid, newest first; the program stops its exports on SIGTERM.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM "${pids[i]}" 2>/dev/null
        for _ in $(seq 50); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "${pids[i]}" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT

# A display and a tray host of our own (tests/ui/xsession.sh).
x_session_start "$work"

# aoesan itself, with a home of its own (the lab keeps its settings and exports in its own directory).
mkdir -p "$work/home"
[ ${#run_as[@]} -gt 0 ] && chown -R "$(id -u "$AOESAN_LAB_USER"):$(id -g "$AOESAN_LAB_USER")" "$work" && chmod 755 "$work"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_STATE_HOME="$work/home/state" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=xcb "${run_as[@]}" "$app" --lab --log-level info >"$work/app.log" 2>&1 &
pids+=($!)
app_pid=$!

window=""
find_window() { window=$(xdotool search --name "AoE SAN Manager" 2>/dev/null | head -1); [ -n "$window" ]; }
wait_for 20 find_window || fail "the main window did not appear"
# The title names the program once (Qt appends the display name to the window's own title).
title=$(xdotool getwindowname "$window")
[ "$(grep -o aoesan <<<"$title" | wc -l)" -eq 1 ] || fail "the window title names aoesan more than once: $title"

# Every demo target is listed: 14 shelf.slot addresses (one of them answered by two backends).
wait_for 40 grep -q "targets: 14 (" "$work/app.log" || fail "discovery did not list the 14 demo targets"
wait_for 20 grep -Eq "targets: 14 \([0-9]+ up, 1 down, 1 in conflict\)" "$work/app.log" \
    || fail "e1.3 did not go down, or the e1.6 conflict was not seen"
wait_for 20 grep -q "export 'lab-scratch' is running" "$work/app.log" || fail "the demo exports did not start"

# A target that went down is news: the tray says so. The balloon is captured while it shows.
wait_for 20 grep -q "notification: .*e1\.3 is down" "$work/app.log" || fail "no notification that e1.3 went down"
sleep 0.7
import -window root -crop 560x160+720+0 "$out/tray-notification.png" || fail "could not capture the tray"

wait_for 30 tray_embedded || fail "the tray icon is not in the tray"

shot() { # shot FILE WINDOW
    import -window "$2" "$out/$1" || fail "could not capture $1"
    [ "$(identify -format '%w' "$out/$1")" -gt 300 ] || fail "$1 is too small"
}
keys() { xdotool windowfocus --sync "$window" 2>/dev/null; xdotool key --clearmodifiers "$@"; sleep 0.8; }

# Select the conflicting e1.6 (sixth row) from the keyboard: the details pane and the Shelves view follow.
keys ctrl+1
keys ctrl+f Tab Tab Down Down Down Down Down
shot targets.png "$window"
keys ctrl+2
shot shelves.png "$window"
keys ctrl+3
shot exports.png "$window"

# The wizard: a new sparse image (Alt+C), then Where, with a clash typed in on purpose (e1.2).
keys ctrl+n
wizard=""
find_wizard() { wizard=$(xdotool search --name "^New export$" 2>/dev/null | head -1); [ -n "$wizard" ]; }
wait_for 10 find_wizard || fail "the New export wizard did not open"
xdotool windowfocus --sync "$wizard" 2>/dev/null
shot wizard-source.png "$wizard"
xdotool key --clearmodifiers alt+c; sleep 1.5
xdotool key --clearmodifiers alt+n; sleep 1
xdotool key --clearmodifiers alt+h ctrl+a; xdotool type 1
xdotool key --clearmodifiers alt+l ctrl+a; xdotool type 2; sleep 0.8
shot wizard-where.png "$wizard"
xdotool key --clearmodifiers Escape; sleep 0.5

# Stop a demo export from the Exports page (the newest, lab-scratch = e2.2, is selected): Ctrl+Shift+R.
keys ctrl+3
keys ctrl+shift+r
wait_for 10 grep -q "export 'lab-scratch' is stopped" "$work/app.log" || fail "Stop export did not stop lab-scratch"
# Discovery notices the silence; the target stays listed as this machine's stopped export, and a stop the
# person asked for is no news: no "is down" notification or warning (past the tray's grouping window).
noticed_stop() { grep -q "e2\.2 is silent: an export of this machine that is not running" "$work/app.log"; }
wait_for 30 noticed_stop || fail "discovery did not notice that e2.2 stopped answering"
sleep 2.5
grep -q "e2\.2 is down" "$work/app.log" && fail "a stopped export was reported down (a notification or a warning)"
keys ctrl+1
shot targets-after-stop.png "$window"

# The tray menu.
tray_x=$(xdotool search --class aoesan 2>/dev/null | while read -r w; do
    xwininfo -id "$w" | awk '/Absolute upper-left X/ {x=$4} /Width/ {w=$2} /Height/ {h=$2}
        END { if (w > 0 && w < 64 && h < 64) print x + w / 2 }'; done | head -1)
if [ -n "$tray_x" ]; then
    xdotool mousemove "$tray_x" 14 click 3; sleep 1
    import -window root -crop 420x260+860+0 "$out/tray-menu.png"
    xdotool key Escape
fi

# A clean stop on SIGTERM: the exports are stopped before the program leaves.
kill -TERM "$app_pid"
wait_for 15 bash -c "! kill -0 $app_pid 2>/dev/null" || fail "aoesan did not quit on SIGTERM"
grep -q "signal 15: stopping the exports" "$work/app.log" || fail "SIGTERM was not handled"
echo "PASS: screenshots in $out: $(cd "$out" && ls ./*.png | tr '\n' ' ')"
