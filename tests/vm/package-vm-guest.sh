#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# package-vm-guest.sh - the guest half of package-vm-test.sh, run as root by aoevm-driver.service at every
# boot of the Debian 12 VM (debian-vm-root.sh) from its data disk, /mnt/aoevm, which also holds the two
# packages and `params`. It talks to the host on /dev/ttyS1 only:
#   AOEVM phase NAME ...        a new phase starts (the host prints the time)
#   AOEVM check NAME ok|FAIL    one assertion
#   AOEVM| text                 detail (command output), kept in the host's log
#   AOEVM ask WHAT ARGS         the host acts (aoeping from its other namespace) and answers "reply ok|FAIL"
#   AOEVM done result=PASS|FAIL
# First boot: install the package, check the service, users, polkit, an export; reboot. Second boot: the
# export is back with no one logged in; upgrade; purge; power off. The phase survives the reboot in
# /var/lib/aoevm-test (the root disk is a qemu snapshot: the same qemu process keeps it across reboots).
set -u
export LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin

DATA=/mnt/aoevm
STATE=/var/lib/aoevm-test
mkdir -p "$STATE"
stty -F /dev/ttyS1 raw -echo 115200
exec 7<>/dev/ttyS1
# shellcheck source=/dev/null
. "$DATA/params" # SHELF SLOT EXPORT MEMBER OTHER UPGRADE_VERSION IMAGE
FAILS=$(cat "$STATE/fails" 2>/dev/null || echo 0)

say() { printf 'AOEVM %s\n' "$*" >&7; }
detail() { sed -u 's/^/AOEVM| /' >&7; }
pass() { say "check $1 ok${2:+ $2}"; }
fail() {
    say "check $1 FAIL${2:+ $2}"
    FAILS=$((FAILS + 1))
    echo "$FAILS" >"$STATE/fails"
}
# expect NAME COMMAND...: the command must succeed; its output goes to the log.
expect() {
    local name=$1 out rc
    shift
    out=$("$@" 2>&1)
    rc=$?
    [ -n "$out" ] && printf '%s\n' "$out" | detail
    if [ $rc = 0 ]; then pass "$name"; else fail "$name" "(exit $rc: $*)"; fi
    return $rc
}
# ask WHAT ARGS...: the host does it; true when it answers "reply ok".
ask() {
    local reply=''
    say "ask $*"
    read -r -t 180 reply <&7 || reply='reply timeout'
    reply=${reply%$'\r'}
    printf 'host: %s\n' "$reply" | detail
    [ "$reply" = 'reply ok' ]
}
as_member() { runuser -u "$MEMBER" -- "$@"; }
as_other() { runuser -u "$OTHER" -- "$@"; }
# The pids of every dnsmasq, from /proc (the VM has no procps).
dnsmasq_pids() {
    local d
    for d in /proc/[0-9]*; do [ "$(cat "$d/comm" 2>/dev/null)" = dnsmasq ] && echo "${d#/proc/}"; done
    return 0
}
uptime_s() { cut -d' ' -f1 /proc/uptime; }
journal() {
    echo "--- journal of aoesan.service (this boot)"
    journalctl -b --no-pager -o short-monotonic -u aoesan.service | tail -n 80
    echo "--- failed units"
    systemctl --failed --no-legend --no-pager
}
finish() {
    [ "$FAILS" = 0 ] || journal 2>&1 | detail
    if [ "$FAILS" = 0 ]; then say "done result=PASS"; else say "done result=FAIL failed_checks=$FAILS"; fi
    echo finished >"$STATE/phase"
    sync
    systemctl poweroff
    exit 0
}
# Stop here: what follows needs what just failed.
fatal() {
    fail "$@"
    finish
}
# wait_for SECONDS COMMAND...: until the command succeeds.
wait_for() {
    local until=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt "$until" ] || return 1
        sleep 1
    done
}
export_running() { as_member aoesan-ctl exports show "${1:-$EXPORT}" --json | grep -Eq '"state": *"running"'; }
# A second export, started by hand and not autostart: an upgrade must bring it back too (the service keeps
# what was serving in this boot in /var/lib/aoesan/running.json).
BYHAND=byhand BYHAND_IMAGE=/srv/aoesan/byhand.img
target_listed() { as_member aoesan-ctl targets | grep -q "^[[:space:]]*e${SHELF}\.${SLOT}[[:space:]]"; }
install_package() { # install_package NAME DEB: apt offline: every dependency is in the image, and it has no network
    local out rc
    out=$(apt-get install -y -q -o Dpkg::Use-Pty=0 "$2" 2>&1)
    rc=$?
    printf '%s\n' "$out" | grep -v -e '^Reading ' -e '^Building ' -e '^\(Selecting\|Preparing\|Unpacking\)' | detail
    [ $rc = 0 ] || fatal "$1" "(apt-get install $2: exit $rc)"
    pass "$1"
}
check_installed_files() { # what postinst must have done, after an install or an upgrade
    local engine=/usr/libexec/aoesan/aoesan-engine caps mode
    wait_for 60 systemctl is-active --quiet aoesan.service
    expect "$1-service-active" systemctl is-active aoesan.service
    expect "$1-service-enabled" systemctl is-enabled aoesan.service
    # Started once by postinst, not brought up by Restart= after a failed first start.
    restarts=$(systemctl show -P NRestarts aoesan.service 2>&1)
    if [ "$restarts" = 0 ]; then pass "$1-service-first-start"; else
        fail "$1-service-first-start" "(NRestarts=$restarts: a start failed)"; fi
    caps=$(getcap "$engine" 2>&1)
    echo "getcap: $caps" | detail
    if [[ $caps == *cap_net_raw=ep* ]]; then pass "$1-engine-capability"; else fail "$1-engine-capability" "($caps)"; fi
    mode=$(stat -c '%U:%G %a' "$engine" 2>&1)
    if [ "$mode" = 'root:aoesan 750' ]; then pass "$1-engine-mode"; else fail "$1-engine-mode" "($mode, want root:aoesan 750)"; fi
    expect "$1-user-aoesan" getent passwd aoesan
    expect "$1-group-aoesan" getent group aoesan
}

phase=$(cat "$STATE/phase" 2>/dev/null || echo install)
say "phase boot-$phase uptime=$(uptime_s)"
# Every unit of the boot has started (the service included, once installed); "degraded" is reported below.
state=$(systemctl is-system-running --wait 2>&1)
say "phase booted system=$state uptime=$(uptime_s)"
[ "$state" = running ] || systemctl --failed --no-legend --no-pager 2>&1 | detail
{ systemd-analyze time; systemd-analyze blame | head -n 8; } 2>&1 | detail
pid1=$(cat /proc/1/comm)
if [ "$pid1" = systemd ]; then pass "pid1-systemd-$phase"; else fatal "pid1-systemd-$phase" "(PID 1 is $pid1)"; fi

case $phase in
install)
    say "phase install"
    install_package install "$DATA/aoesan.deb"
    check_installed_files install

    say "phase export"
    useradd -m -s /bin/bash "$MEMBER" && usermod -aG aoesan "$MEMBER" && useradd -m -s /bin/bash "$OTHER" ||
        fatal users "(useradd)"
    # The image belongs to the member; group aoesan (the setgid directory) lets the service open it.
    expect image as_member sh -c "truncate -s 64M '$IMAGE' && chmod 0660 '$IMAGE' && ls -l '$IMAGE'" || finish
    expect member-add as_member aoesan-ctl exports add --name "$EXPORT" --autostart "$SHELF" "$SLOT" eth0 "$IMAGE" ||
        finish
    if ! wait_for 5 export_running; then
        expect member-start as_member aoesan-ctl exports start "$EXPORT"
    fi
    wait_for 60 export_running && pass export-running || fail export-running
    as_member aoesan-ctl exports list 2>&1 | detail
    listed=$(as_member aoesan-ctl exports list --json 2>&1)
    stored=$(cat /etc/aoesan/exports.json 2>&1)

    # Someone not in the group: refused with the fix, and nothing changes.
    out=$(as_other aoesan-ctl exports add --name other "$SHELF" "$((SLOT + 1))" eth0 "$IMAGE" 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    if [ $rc != 0 ] && [[ $out == *"sudo usermod -aG aoesan"* ]]; then pass other-add-refused "(exit $rc)"; else
        fail other-add-refused "(exit $rc, no 'sudo usermod -aG aoesan' in the message)"; fi
    out=$(as_other aoesan-ctl exports stop "$EXPORT" 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    if [ $rc != 0 ] && [[ $out == *"sudo usermod -aG aoesan"* ]]; then pass other-stop-refused "(exit $rc)"; else
        fail other-stop-refused "(exit $rc)"; fi
    if [ "$(as_member aoesan-ctl exports list --json 2>&1)" = "$listed" ] &&
        [ "$(cat /etc/aoesan/exports.json 2>&1)" = "$stored" ]; then pass other-changed-nothing; else
        fail other-changed-nothing "(the export list changed)"; fi
    export_running && pass export-still-running || fail export-still-running

    if ask aoeping "$SHELF" "$SLOT"; then pass host-aoeping-1; else fail host-aoeping-1; fi
    if wait_for 30 target_listed; then pass member-targets-1; else fail member-targets-1; fi
    as_member aoesan-ctl targets 2>&1 | detail

    echo rebooted >"$STATE/phase"
    sync
    say "phase reboot"
    systemctl reboot
    ;;
rebooted)
    say "phase after-reboot"
    sessions=$(loginctl list-sessions --no-legend 2>&1)
    if [ -z "$sessions" ]; then pass nobody-logged-in; else fail nobody-logged-in "($sessions)"; fi
    expect reboot-service-active systemctl is-active aoesan.service
    if wait_for 60 export_running; then pass reboot-export-running; else fail reboot-export-running; fi
    if ask aoeping "$SHELF" "$SLOT"; then pass host-aoeping-2; else fail host-aoeping-2; fi
    if wait_for 30 target_listed; then pass member-targets-2; else fail member-targets-2; fi
    as_member aoesan-ctl targets 2>&1 | detail

    expect byhand-add as_member sh -c "truncate -s 16M '$BYHAND_IMAGE' && chmod 0660 '$BYHAND_IMAGE' &&
        aoesan-ctl exports add --name '$BYHAND' '$SHELF' '$((SLOT + 2))' eth0 '$BYHAND_IMAGE' &&
        aoesan-ctl exports start '$BYHAND'"
    if wait_for 60 export_running "$BYHAND"; then pass byhand-running; else fail byhand-running; fi

    # Another machine's target (vblade on the host side) as a disk of this one, through the service: the
    # member's attach makes systemd load the aoe driver for eth0 (aoesan-aoe@eth0.service, allowed by the
    # polkit rule), the udev rule lets the service write /dev/etherd/discover, and the disk reads back.
    say "phase attach"
    if ask serve 9 1; then pass host-serves-e9.1; else fail host-serves-e9.1; fi
    attach_start=$SECONDS
    out=$(as_member aoesan-ctl attach 9.1 --timeout 120 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    device=$(printf '%s\n' "$out" | tail -n 1)
    if [ $rc = 0 ] && [ "$device" = /dev/etherd/e9.1 ]; then
        pass member-attach "(in $((SECONDS - attach_start)) s)"
    else fail member-attach "(exit $rc, last line '$device')"; fi
    systemctl status --no-pager 'aoesan-aoe@*' 2>&1 | detail
    unit_result=$(systemctl show -p Result --value 'aoesan-aoe@eth0.service' 2>&1)
    if [ "$unit_result" = success ]; then pass aoe-unit-ran; else fail aoe-unit-ran "(Result=$unit_result)"; fi
    iflist=$(cat /sys/module/aoe/parameters/aoe_iflist 2>&1)
    if [ "$iflist" = eth0 ]; then pass aoe-iflist-eth0; else fail aoe-iflist-eth0 "($iflist)"; fi
    perms=$(stat -c '%G %a' /dev/etherd/discover /dev/etherd/flush 2>&1 | sort -u)
    if [ "$perms" = "aoesan 220" ]; then pass udev-rule "($perms)"; else fail udev-rule "($perms)"; fi
    want=$(yes aoesan-vm-attach | head -c $((16 << 20)) | md5sum | cut -d' ' -f1)
    got=$(head -c $((16 << 20)) /dev/etherd/e9.1 2>&1 | md5sum | cut -d' ' -f1)
    if [ "$got" = "$want" ]; then pass attach-md5 "($got)"; else fail attach-md5 "($got, want $want)"; fi
    stat=$(as_member aoesan-ctl stat --kernel 2>&1)
    printf '%s\n' "$stat" | detail
    if [[ $stat =~ e9\.1\ +0\.0[0-9]+GB\ +eth0\ +[0-9]+\ +up ]]; then pass stat-kernel-up; else fail stat-kernel-up; fi
    out=$(as_other aoesan-ctl detach 9.1 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    if [ $rc = 3 ] && [ -e /sys/block/etherd!e9.1 ]; then pass other-detach-refused; else
        fail other-detach-refused "(exit $rc)"; fi
    out=$(as_member aoesan-ctl detach 9.1 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    if [ $rc = 0 ] && [ ! -e /sys/block/etherd!e9.1 ]; then pass member-detach; else fail member-detach "(exit $rc)"; fi
    ask unserve || true

    # The export's network boot server through the service: systemd runs aoesan-boot@vmtest.service as root
    # (the polkit rule lets the service start it), dnsmasq answers a DHCP client on the host side with the
    # root path, the service lists the client; someone not in the group cannot stop it, the member can.
    say "phase boot"
    ip addr add 10.80.0.1/24 dev eth0
    out=$(as_member aoesan-ctl boot start "$EXPORT" -i eth0 --range 10.80.0.50,10.80.0.60 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    if [ $rc = 0 ]; then pass member-boot-start; else fail member-boot-start "(exit $rc)"; fi
    boot_running() { as_member aoesan-ctl boot status "$EXPORT" 2>/dev/null | grep -q '^state: *running$'; }
    if wait_for 60 boot_running; then pass boot-running; else fail boot-running; fi
    as_member aoesan-ctl boot status "$EXPORT" 2>&1 | detail
    systemctl status --no-pager "aoesan-boot@$EXPORT.service" 2>&1 | detail
    if [ "$(systemctl is-active "aoesan-boot@$EXPORT.service" 2>&1)" = active ]; then pass boot-unit-active; else
        fail boot-unit-active; fi
    # dnsmasq runs in the unit (its cgroup) and has dropped root for nobody. (The VM has no procps: /proc.)
    dns_pid=$(dnsmasq_pids | head -n 1)
    dns_user=$(stat -c %U "/proc/${dns_pid:-0}" 2>&1)
    if [ -n "$dns_pid" ] && grep -q "aoesan-boot@$EXPORT.service" "/proc/$dns_pid/cgroup" && [ "$dns_user" = nobody ]
    then pass boot-dnsmasq-runs "(pid $dns_pid, user $dns_user)"; else
        fail boot-dnsmasq-runs "(pid '$dns_pid', user '$dns_user', $(cat "/proc/$dns_pid/cgroup" 2>&1))"; fi
    if ask dhcp "aoe:e$SHELF.$SLOT"; then pass host-dhcp-root-path; else fail host-dhcp-root-path; fi
    client_listed() { as_member aoesan-ctl boot status "$EXPORT" 2>/dev/null | grep -q '^client: .*02:ae:00:00:10:02'; }
    if wait_for 10 client_listed; then pass boot-client-listed; else fail boot-client-listed; fi
    out=$(as_other aoesan-ctl boot stop "$EXPORT" 2>&1)
    rc=$?
    printf '%s\n' "$out" | detail
    if [ $rc = 3 ] && boot_running; then pass other-boot-stop-refused; else fail other-boot-stop-refused "(exit $rc)"; fi
    expect member-boot-stop as_member aoesan-ctl boot stop "$EXPORT"
    # Stopped, not just deactivating (boot stop returns once systemd has the job; CI met dnsmasq still there).
    boot_unit_gone() {
        case $(systemctl is-active "aoesan-boot@$EXPORT.service" 2>&1) in inactive | failed) true ;; *) false ;; esac
    }
    if wait_for 15 boot_unit_gone; then pass boot-unit-stopped; else fail boot-unit-stopped; fi
    no_dnsmasq() { [ -z "$(dnsmasq_pids)" ]; }
    if wait_for 5 no_dnsmasq; then pass boot-no-dnsmasq-left; else fail boot-no-dnsmasq-left "($(dnsmasq_pids))"; fi
    ip addr del 10.80.0.1/24 dev eth0

    say "phase upgrade"
    stored=$(cat /etc/aoesan/exports.json 2>&1)
    install_package upgrade "$DATA/aoesan-upgrade.deb"
    version=$(dpkg-query -W -f='${Version}' aoesan 2>&1)
    if [ "$version" = "$UPGRADE_VERSION" ]; then pass upgrade-version "($version)"; else
        fail upgrade-version "($version, want $UPGRADE_VERSION)"; fi
    check_installed_files upgrade
    if [ "$(cat /etc/aoesan/exports.json 2>&1)" = "$stored" ]; then pass upgrade-list-kept; else
        fail upgrade-list-kept; fi
    if wait_for 60 export_running; then pass upgrade-export-running; else fail upgrade-export-running; fi
    if wait_for 60 export_running "$BYHAND"; then pass upgrade-byhand-running; else fail upgrade-byhand-running; fi
    if ask aoeping "$SHELF" "$((SLOT + 2))"; then pass host-aoeping-byhand; else fail host-aoeping-byhand; fi
    as_member aoesan-ctl exports list 2>&1 | detail
    if ask aoeping "$SHELF" "$SLOT"; then pass host-aoeping-3; else fail host-aoeping-3; fi

    say "phase purge"
    # Every file and directory of the package (dpkg -L), less the directories other packages share.
    dpkg-query -L aoesan >"$STATE/files" 2>&1
    # The image is the member's, not the package's: it goes first, so /srv/aoesan is the package's alone.
    rm -f "$IMAGE" "$BYHAND_IMAGE"
    out=$(apt-get purge -y -q -o Dpkg::Use-Pty=0 aoesan 2>&1)
    rc=$?
    printf '%s\n' "$out" | grep -v -e '^Reading ' -e '^Building ' | detail
    [ $rc = 0 ] && pass purge || fail purge "(exit $rc)"
    left=$(while read -r f; do
        [ -e "$f" ] || [ -L "$f" ] || continue
        [ -d "$f" ] && [[ $f != *aoesan* ]] && continue # /usr, /usr/bin, /lib (a link to usr/lib), ...
        echo "$f"
    done <"$STATE/files")
    if [ -z "$left" ]; then pass purge-no-package-file; else fail purge-no-package-file "($(echo $left))"; fi
    left=$(ls -d /etc/aoesan /var/lib/aoesan /srv/aoesan 2>/dev/null)
    if [ -z "$left" ]; then pass purge-no-directory; else fail purge-no-directory "($(echo $left))"; fi
    left=$(find /etc /usr/lib/systemd /usr/lib/sysusers.d /usr/lib/tmpfiles.d /usr/share/dbus-1 /usr/share/polkit-1 \
        /var/lib/systemd /run/systemd/system -iname '*aoesan*' 2>/dev/null)
    if [ -z "$left" ]; then pass purge-no-other-file; else fail purge-no-other-file "($(echo $left))"; fi
    if getent passwd aoesan >/dev/null; then fail purge-no-user; else pass purge-no-user; fi
    if getent group aoesan >/dev/null; then fail purge-no-group; else pass purge-no-group; fi
    left=$(systemctl list-unit-files --no-legend | grep aoesan)
    if [ -z "$left" ]; then pass purge-no-unit; else fail purge-no-unit "($left)"; fi
    left=$(getcap -r /usr /bin /sbin /opt 2>/dev/null | grep aoesan)
    if [ -z "$left" ]; then pass purge-no-capability; else fail purge-no-capability "($left)"; fi
    left=$(ps -eo pid=,user=,args= | grep -e aoesan | grep -v grep)
    if [ -z "$left" ]; then pass purge-no-process; else fail purge-no-process "($left)"; fi
    if ask aoeping-gone "$SHELF" "$SLOT"; then pass host-aoeping-gone; else fail host-aoeping-gone; fi
    finish
    ;;
*)
    say "phase unexpected-boot ($phase)"
    fatal unexpected-boot
    ;;
esac
