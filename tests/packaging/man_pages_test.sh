#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The man pages (packaging/man, made at build time) say what the programs say now:
# - every command of `aoesan-ctl --help` has its .SS in aoesan-ctl.8 and no other .SS is there; every mode of
#   `aoesan-engine --help` has its .SS in aoesan-engine.8;
# - every option a --help lists ("  -i, --interface <IFACE>  ...") is a .TP tag (in bold) in the page's part
#   for that program, command or mode, and every option word the help names anywhere is in that part too;
# - EXIT STATUS holds every code of the help's "Exit codes:" line;
# - `groff -man -ww -z` and `man --warnings` (what lintian runs) print nothing.
# A page with an option taken out and one with a bad macro must fail the same checks, so a pass means something.
# Only --help is run. Usage: man_pages_test.sh MAN_DIR AOESAN_CTL AOESAN_ENGINE [AOESAN]
set -uo pipefail
man_dir=${1:?usage: man_pages_test.sh MAN_DIR AOESAN_CTL AOESAN_ENGINE [AOESAN]}
ctl=${2:?} engine=${3:?} gui=${4:-}
export LC_ALL=C.UTF-8
unset LANGUAGE
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# troff's spelling of a word: minus signs escaped.
troff() { printf '%s' "${1//-/\\-}"; }

lint() {
    local said
    said=$(groff -man -Tutf8 -ww -z "$1" 2>&1)
    [ -z "$said" ] || fail "groff -ww warns about $1: $said"
    said=$(MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$1" 2>&1 >/dev/null)
    [ -z "$said" ] || fail "man --warnings warns about $1: $said"
}

# The lines of a page from `.SS NAME` to the next .SS or .SH; "" for what comes before COMMANDS or MODES.
part() {
    if [ -z "$2" ]; then
        awk '/^\.SH (COMMANDS|MODES)$/ { exit } { print }' "$1"
    else
        awk -v name=".SS $(troff "$2")" '$0 == name { inside = 1; next } inside && /^\.S[SH] / { exit } inside' "$1"
    fi
}

# check HELP_FILE PAGE PART_NAME WHAT: the options of the help are in that part of the page.
check() {
    local help=$1 page=$2 name=$3 what=$4 text tags option
    text=$(part "$page" "$name")
    [ -n "$text" ] || { fail "$page has no part for $what"; return; }
    tags=$(awk 'previous == ".TP" { print } { previous = $0 }' <<<"$text")
    for option in $(grep '^  -' "$help" | sed 's/^  //; s/  .*//' | tr ' ,' '\n\n' | grep '^-'); do
        grep -qF -- "\\fB$(troff "$option")\\fR" <<<"$tags" || fail "$page: $what: $option is no .TP tag"
    done
    for option in $(grep -oE '(^|[][ |,(])--?[A-Za-z][A-Za-z0-9-]*' "$help" | sed 's/^[^-]*//' | sort -u); do
        grep -qF -- "$(troff "$option")" <<<"$text" || fail "$page: $what: $option is not mentioned"
    done
}

exit_codes() {
    local help=$1 page=$2 code
    grep -q '^\.SH "EXIT STATUS"$' "$page" || fail "$page has no EXIT STATUS"
    for code in $(grep '^Exit codes: ' "$help" | grep -oE '(: |, )[0-9]+ ' | tr -dc '0-9 \n'); do
        grep -qx "\\.B $code" "$page" || fail "$page: exit code $code is not in EXIT STATUS"
    done
}

# names HELP_FILE HEADING: the first words of the items under HEADING ("Commands:").
names() {
    awk -v block="$2" '$0 == block { inside = 1; next } inside && /^  [^ ]/ { print $1; next } inside && /^$/ { exit }' "$1"
}

# The whole check of aoesan-ctl.8 against aoesan-ctl's help texts.
check_ctl() {
    local page=$1 command listed
    "$ctl" --help >"$work/ctl" || fail "aoesan-ctl --help failed"
    check "$work/ctl" "$page" "" "aoesan-ctl"
    exit_codes "$work/ctl" "$page"
    listed=$(names "$work/ctl" Commands:)
    [ "$(wc -w <<<"$listed")" -ge 10 ] || fail "aoesan-ctl --help lists only: $listed"
    for command in $listed; do
        "$ctl" "$command" --help >"$work/ctl-$command" || fail "aoesan-ctl $command --help failed"
        check "$work/ctl-$command" "$page" "$command" "aoesan-ctl $command"
    done
    # No part for a command that is gone.
    for command in $(sed -n 's/^\.SS //p' "$page" | sed 's/\\-/-/g'); do
        grep -qx -- "$command" <<<"$listed" || fail "$page describes '$command', which aoesan-ctl does not have"
    done
}

check_engine() {
    local page=$1 mode listed
    "$engine" --help >"$work/engine" || fail "aoesan-engine --help failed"
    check "$work/engine" "$page" "" "aoesan-engine"
    exit_codes "$work/engine" "$page"
    listed=$(names "$work/engine" Modes:)
    [ -n "$listed" ] || fail "aoesan-engine --help lists no modes"
    for mode in $listed; do
        "$engine" "$mode" --help >"$work/engine-$mode" || fail "aoesan-engine $mode --help failed"
        check "$work/engine-$mode" "$page" "$mode" "aoesan-engine $mode"
    done
}

for page in "$man_dir/aoesan-ctl.8" "$man_dir/aoesan-engine.8" ${gui:+"$man_dir/aoesan.1"}; do
    [ -s "$page" ] || { fail "no $page"; continue; }
    lint "$page"
done
check_ctl "$man_dir/aoesan-ctl.8"
check_engine "$man_dir/aoesan-engine.8"
if [ -n "$gui" ]; then
    "$gui" --help >"$work/gui" || fail "aoesan --help failed"
    check "$work/gui" "$man_dir/aoesan.1" "" "aoesan"
fi

# The checks must see a stale page and a broken one: each of these must fail.
must_fail() {
    local before=$failures
    "$@" >/dev/null
    if [ $failures -gt $before ]; then
        failures=$before
    else
        fail "the checks did not see what is wrong with it: $*"
    fi
}
grep -vF '\fB\-\-json\fR' "$man_dir/aoesan-ctl.8" >"$work/stale.8"
must_fail check_ctl "$work/stale.8"
{ cat "$man_dir/aoesan-engine.8"; echo ".BOGUS macro"; } >"$work/broken.8"
must_fail lint "$work/broken.8"

if [ $failures -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "PASS: the man pages list every command, mode and option of the programs' --help; groff and man are silent"
