#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# packaging/completion/aoesan-ctl completes what aoesan-ctl's own --help says, in a bash with it sourced
# (COMP_WORDS and COMP_CWORD set, the function called as bash does), loaded by bash-completion's loader:
# - `aoesan-ctl <TAB>` offers exactly the commands of `aoesan-ctl --help`; `--log-level <TAB>` its levels;
# - `aoesan-ctl COMMAND --<TAB>` offers every long option of `aoesan-ctl COMMAND --help`, for every command;
#   `stat --j<TAB>` gives --json alone, `exports <TAB>` the actions, `reserve --force-<TAB>` the two;
# - `-i <TAB>` and serve's third word offer this machine's interfaces but lo (/sys/class/net);
# - `exports show --store FILE <TAB>` offers the names of the exports in FILE.
# The export list is made and read by aoesan-ctl in a network namespace of this test's own (unshare -rn),
# with a private HOME; nothing but --help runs outside it and no frame is sent by any of it.
# Usage: bash_completion_test.sh COMPLETION_FILE AOESAN_CTL
set -uo pipefail
completion=${1:?usage: bash_completion_test.sh COMPLETION_FILE AOESAN_CTL}
ctl=${2:?}
if [ -z "${AOESAN_IN_NAMESPACE:-}" ]; then
    unshare -rn true 2>/dev/null || { echo "SKIP: unshare -rn is not allowed here"; exit 77; }
    AOESAN_IN_NAMESPACE=1 exec unshare -rn "$0" "$@"
fi
export LC_ALL=C.UTF-8
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_STATE_HOME=$work/home/state
unset DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# bash-completion finds it by the command's name in DATADIR/bash-completion/completions, as installed.
mkdir -p "$work/share/bash-completion/completions"
cp "$completion" "$work/share/bash-completion/completions/aoesan-ctl"
# shellcheck source=/dev/null
source /usr/share/bash-completion/bash_completion || { echo "FAIL: no bash-completion"; exit 1; }
XDG_DATA_DIRS=$work/share _completion_loader aoesan-ctl
complete -p aoesan-ctl | grep -q -- '-F _aoesan_ctl' || fail "bash-completion does not load it for aoesan-ctl"

# offered WORD...: what TAB offers after these words (the last one is being completed), sorted, one a line.
offered() {
    COMP_WORDS=("$ctl" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _aoesan_ctl
    printf '%s\n' "${COMPREPLY[@]}" | sort | sed '/^$/d'
}
# expect "WORDS" EXPECTED...: TAB after WORDS offers exactly EXPECTED.
expect() {
    local words=$1 got want
    shift
    read -ra line <<<"$words"
    [[ $words == *" " ]] && line+=("")
    got=$(offered "${line[@]}")
    want=$(printf '%s\n' "$@" | sort | sed '/^$/d')
    [ "$got" = "$want" ] || fail "aoesan-ctl ${words}<TAB> offers [${got//$'\n'/ }], not [${want//$'\n'/ }]"
}

commands=$("$ctl" --help | awk '$0 == "Commands:" { f = 1; next } f && /^  [^ ]/ { print $1; next } f { exit }')
[ "$(wc -w <<<"$commands")" -ge 10 ] || fail "aoesan-ctl --help lists only: $commands"
# shellcheck disable=SC2086
expect " " $commands
expect "st" stat
expect "--log-level " trace debug info warn error off
expect "--log-level debug sta" stat

for command in $commands; do
    "$ctl" "$command" --help >"$work/help" || fail "aoesan-ctl $command --help failed"
    got=$(offered "$command" --)
    for option in $(grep '^  -' "$work/help" | grep -oE -- '--[A-Za-z][A-Za-z0-9-]*' | sort -u); do
        grep -qx -- "$option" <<<"$got" || fail "aoesan-ctl $command --<TAB> does not offer $option"
    done
    [ -n "$got" ] || fail "aoesan-ctl $command --<TAB> offers nothing"
done
expect "stat --j" --json
expect "reserve --force-" --force-set --force-release
expect "exports " list show add set remove run start stop
expect "exports set disk1 --no-d" --no-direct
expect "serve --" --events --state-file --no-state --wire-edits --workers --force
expect "serve --wire-edits " forget keep refuse

interfaces=$(for dir in /sys/class/net/*; do [ "${dir##*/}" = lo ] || echo "${dir##*/}"; done)
# shellcheck disable=SC2086
expect "stat -i " $interfaces
# shellcheck disable=SC2086
expect "identify --interface " $interfaces
# shellcheck disable=SC2086
expect "serve -b 4 1 2 " $interfaces
# shellcheck disable=SC2086
expect "exports add --name x 1 2 " $interfaces
expect "stat -i lan1 --w" --wait

store=$work/exports.json
for name in disk1 disk2; do
    "$ctl" exports add --store "$store" --name "$name" --force 1 "${name#disk}" lan1 "$work/$name.img" >/dev/null 2>&1 ||
        fail "aoesan-ctl exports add --store $store --name $name failed"
done
expect "exports show --store $store " disk1 disk2
expect "exports start --store $store d" disk1 disk2
expect "exports list --store $store " # list takes no name

if [ $failures -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "PASS: the completion offers every command and option of aoesan-ctl --help, interfaces and export names"
