#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The test doubles (FakeClock, MemoryTransport, the block-device fixture) live in tests/support: none of them
# may be in core or in the programs that ship, the privileged engine above all.
set -uo pipefail
[ $# -gt 0 ] || { echo "usage: no_test_doubles_test.sh BINARY_OR_LIBRARY..."; exit 2; }
command -v nm >/dev/null || { echo "FAIL: nm (binutils) is missing"; exit 1; }
failed=0
for file in "$@"; do
    [ -f "$file" ] || { echo "FAIL: no file $file"; failed=1; continue; }
    found=$(nm -C "$file" 2>/dev/null | grep -E 'FakeClock|FakeTimer|MemoryTransport|FixtureBlockDevices' | head -3)
    if [ -n "$found" ]; then echo "FAIL: $file holds test doubles:"; echo "$found"; failed=1;
    else echo "PASS: $(basename "$file") holds no test double"; fi
done
exit $failed
