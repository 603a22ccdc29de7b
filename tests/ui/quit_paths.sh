#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every way out of the real program, under Xvfb with a tray host (trayer): File › Quit, Ctrl+Q, the tray
# menu's Quit and SIGTERM; with the window shown and hidden to the tray (Ctrl+W, which must keep the tray
# icon); without exports (the program in a network namespace with no interface at all) and with running
# exports (`aoesan --lab`, which builds its own namespace). Each case checks that the process ends within
# its bound after the last step (the quit question answered when exports run), and that no "is down"
# notification is raised while quitting. A second start while one runs must say that it raised the first
# one's window.
#   quit_paths.sh AOESAN        (exit 77 = skipped, with the reason)
set -uo pipefail
# shellcheck source=xsession.sh
source "$(dirname "$0")/xsession.sh"

app=$1
skip() { echo "SKIP: $*"; exit 77; }
log=""
fail() {
    echo "FAIL: $*"
    [ -n "$log" ] && [ -f "$log" ] && { echo "--- aoesan log (tail) ---"; tail -30 "$log"; }
    exit 1
}

for tool in Xvfb trayer xdotool xwininfo xdpyinfo unshare; do
    command -v "$tool" >/dev/null || skip "$tool is missing (apt-get install xvfb trayer xdotool x11-utils)"
done
[ -x "$app" ] || skip "no aoesan binary at $app"
[ "$(id -u)" -eq 0 ] || skip "lab mode and a private network namespace for the program need root here"

work=$(mktemp -d /tmp/aoesan-quit-XXXXXX)
pids=()
cleanup() {
    # Only what this script started, by pid, newest first.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill -TERM "${pids[i]}" 2>/dev/null
        for _ in $(seq 30); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "${pids[i]}" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT

# A display and a tray host of our own (tests/ui/xsession.sh).
x_session_start "$work"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
window=""
find_window() { window=$(xdotool search --onlyvisible --name "AoE SAN Manager" 2>/dev/null | head -1); [ -n "$window" ]; }
no_window() { [ -z "$(xdotool search --onlyvisible --name "AoE SAN Manager" 2>/dev/null)" ]; }
tray_icon() { # the small aoesan window the tray host embedded
    xdotool search --class aoesan 2>/dev/null | while read -r w; do
        xwininfo -id "$w" | awk -v id="$w" '/Absolute upper-left X/ {x=$4} /Absolute upper-left Y/ {y=$4}
            /Width/ {w=$2} /Height/ {h=$2} END { if (w > 0 && w < 64 && h < 64) print x + int(w / 2), y + int(h / 2) }'
    done | head -1
}
keys() { xdotool windowfocus --sync "$1" 2>/dev/null; shift; xdotool key --clearmodifiers "$@"; }
gone() { ! kill -0 "$app_pid" 2>/dev/null; }

case_number=0
start_app() { # start_app plain|lab
    case_number=$((case_number + 1))
    local home="$work/case$case_number"
    mkdir -p "$home/tmp"
    log="$home/app.log"
    # TMPDIR: the single-instance socket of this run, apart from any other aoesan on the machine.
    # No session bus: the program starts a private bus and service of its own, which end with it.
    local env=(env -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" TMPDIR="$home/tmp"
        LANG=C.UTF-8 QT_QPA_PLATFORM=xcb)
    if [ "$1" = lab ]; then
        "${env[@]}" "$app" --lab --log-level info >"$log" 2>&1 &
    else
        # A network namespace of its own with no interface but lo: discovery has nothing to send on.
        unshare --net "${env[@]}" "$app" --log-level info >"$log" 2>&1 &
    fi
    app_pid=$!
    pids+=($app_pid)
    wait_for 20 find_window || fail "case $case_number: the main window did not appear"
    wait_for 15 tray_embedded || fail "case $case_number: the tray icon is not in the tray"
    if [ "$1" = plain ]; then
        # Its namespace has no Ethernet interface, whatever the host's /sys/class/net lists.
        wait_for 10 grep -q "no Ethernet interface that is up" "$log" \
            || fail "case $case_number: discovery did not find its namespace empty: $(grep -m1 probing "$log")"
    fi
    if [ "$1" = lab ]; then
        wait_for 40 grep -q "export 'lab-scratch' is running" "$log" || fail "the demo exports did not start"
        wait_for 20 grep -q "targets: 14 (" "$log" || fail "discovery did not list the lab's targets"
    fi
    sleep 0.5
}

# quit_case MODE WINDOW PATH: MODE plain|lab, WINDOW shown|hidden, PATH menu|shortcut|tray|sigterm
quit_case() {
    local mode=$1 shown=$2 path=$3
    start_app "$mode"
    local name="$mode, window $shown, $path"
    if [ "$shown" = hidden ]; then
        keys "$window" ctrl+w
        wait_for 5 no_window || fail "$name: Ctrl+W did not hide the window"
        sleep 0.5
        gone && fail "$name: closing the window ended the program"
        tray_embedded || fail "$name: closing the window removed the tray icon"
    fi
    local lines_before
    lines_before=$(wc -l <"$log")
    case $path in
    menu)
        # The menu bar's File, opened with the mouse (Alt+F from xdotool is unreliable without a window
        # manager), then Q for its &Quit.
        local X Y WIDTH HEIGHT SCREEN WINDOW
        eval "$(xdotool getwindowgeometry --shell "$window")"
        xdotool mousemove $((X + 20)) $((Y + 10)) click 1
        sleep 0.8
        xdotool key q
        ;;
    shortcut) keys "$window" ctrl+q ;;
    tray)
        local at
        at=$(tray_icon)
        [ -n "$at" ] || fail "$name: the tray icon window was not found"
        # shellcheck disable=SC2086
        xdotool mousemove $at click 3
        sleep 0.8
        xdotool key --clearmodifiers q
        ;;
    sigterm) kill -TERM "$app_pid" ;;
    esac
    local bound=2
    if [ "$mode" = lab ] && [ "$path" != sigterm ]; then
        local box=""
        find_box() { box=$(xdotool search --onlyvisible --name "^Quit aoesan$" 2>/dev/null | head -1); [ -n "$box" ]; }
        wait_for 5 find_box || fail "$name: no question before stopping the running exports"
        gone && fail "$name: quit before the question was answered"
        keys "$box" alt+s # "Stop exports and quit"
        bound=3 # the exports' engines stop first
    fi
    local t0
    t0=$(now_ms)
    wait_for $((bound + 2)) gone || fail "$name: aoesan still runs $((bound + 2)) s after quitting"
    local took=$(($(now_ms) - t0))
    ((took > bound * 1000)) && fail "$name: quitting took $took ms (bound $bound s)"
    wait "$app_pid" 2>/dev/null
    if tail -n +"$((lines_before + 1))" "$log" | grep -E "notification: .*(down|failed)"; then
        fail "$name: a notification was raised while quitting"
    fi
    if [ "$mode" = lab ]; then
        grep -Eq "export 'lab-scratch' is (stopped|stopping)" "$log" || fail "$name: the exports were not stopped"
    fi
    echo "ok: $name: ended after $took ms"
}

# A second start says that it raised the first one's window, and leaves.
start_app plain
first_pid=$app_pid
keys "$window" ctrl+w
wait_for 5 no_window || fail "Ctrl+W did not hide the window"
home="$work/case$case_number"
second=$(unshare --net env -u DBUS_SESSION_BUS_ADDRESS -u XDG_RUNTIME_DIR HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
    TMPDIR="$home/tmp" LANG=C.UTF-8 QT_QPA_PLATFORM=xcb timeout 15 "$app" 2>"$work/second.err")
rc=$?
[ "$rc" -eq 0 ] || fail "the second aoesan ended with $rc: $(cat "$work/second.err")"
echo "$second" | grep -q "already running; its window was brought to the front" \
    || fail "the second aoesan did not say that it raised the first one's window: '$second'"
wait_for 5 find_window || fail "the second start did not show the first one's window"
kill -0 "$first_pid" || fail "the first aoesan ended when the second started"
echo "ok: second start: $second"
kill -TERM "$first_pid"
wait_for 3 gone || fail "the first aoesan did not end on SIGTERM"

for mode in plain lab; do
    for path in menu shortcut tray sigterm; do
        quit_case "$mode" shown "$path"
    done
    for path in tray sigterm; do
        quit_case "$mode" hidden "$path"
    done
done
echo "PASS: every quit path ends aoesan within its bound"
