# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the GUI scripts that drive the real program (lab_screenshots.sh, quit_paths.sh): an X server
# (Xvfb) and a tray host (trayer) of their own, and the waits they share. The caller defines `pids` (what
# its cleanup kills, by pid) and `fail`; x_session_start WORKDIR appends the two servers to `pids`.

wait_for() { # wait_for SECONDS COMMAND...: true as soon as COMMAND is, false after SECONDS
    local until=$((SECONDS + $1)); shift
    while ((SECONDS < until)); do "$@" && return 0; sleep 0.1; done
    return 1
}

tray_host_up() { xdotool search --class trayer >/dev/null 2>&1; }

x_session_start() { # x_session_start WORKDIR: exports DISPLAY
    local work=$1 number
    # Xvfb picks a free display itself and writes its number: no race with another test's server.
    exec {display_fd}<> <(:)
    Xvfb -displayfd "$display_fd" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
    pids+=($!)
    read -r -t 20 -u "$display_fd" number || fail "Xvfb did not start (no display number)"
    exec {display_fd}>&-
    export DISPLAY=":$number"
    wait_for 10 xdpyinfo >/dev/null 2>&1 || fail "Xvfb did not answer on $DISPLAY"
    # On a loaded machine the tray host can take seconds, and once (CI) it never came up: one more try, then
    # fail with what it said. The program must find it when it starts.
    local attempt
    for attempt in 1 2; do
        trayer --edge top --align right --widthtype pixel --width 120 --heighttype pixel --height 28 \
            --transparent false --tint 0xdddddd >"$work/trayer.log" 2>&1 &
        pids+=($!)
        wait_for 15 tray_host_up && break
        kill -TERM "${pids[-1]}" 2>/dev/null
        [ "$attempt" = 2 ] && fail "the tray host (trayer) did not start on $DISPLAY: $(tail -3 "$work/trayer.log")"
    done
    sleep 0.5 # its window exists a moment before it owns the tray selection
}

tray_embedded() { # the aoesan tray icon is a child of the tray host's window
    local w
    for w in $(xdotool search --class trayer 2>/dev/null); do
        xwininfo -tree -id "$w" | grep -q '("aoesan" "aoesan")' && return 0
    done
    return 1
}
