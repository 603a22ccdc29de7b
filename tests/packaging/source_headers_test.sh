#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file names its license in its first lines (SPDX-License-Identifier: GPL-3.0-or-later), and the
# LICENSE file is the GPL, version 3. A new file without the line fails here, with its name.
set -uo pipefail
root=${1:?usage: source_headers_test.sh SOURCE_DIR}
tag='SPDX-License-Identifier: GPL-3.0-or-later'
grep -q 'GNU GENERAL PUBLIC LICENSE' "$root/LICENSE" && grep -q 'Version 3, 29 June 2007' "$root/LICENSE" \
    || { echo "FAIL: $root/LICENSE is not the GPL version 3"; exit 1; }
missing=0 checked=0
while IFS= read -r -d '' file; do
    checked=$((checked + 1))
    head -n 3 "$file" | grep -qF "$tag" || { echo "no SPDX line: ${file#"$root"/}"; missing=$((missing + 1)); }
done < <(find "$root/core" "$root/ui" "$root/app" "$root/tests" "$root/cmake" "$root/packaging" "$root/.ci" \
              "$root/CMakeLists.txt" -type f \
              \( -name '*.cpp' -o -name '*.h' -o -name '*.h.in' -o -name '*.sh' -o -name '*.cmake' \
                 -o -name CMakeLists.txt -o -path '*/.ci/run' \) -print0)
[ "$checked" -gt 100 ] || { echo "FAIL: only $checked source files found under $root"; exit 1; }
if [ "$missing" -gt 0 ]; then echo "FAIL: $missing of $checked source files have no SPDX line"; exit 1; fi
echo "PASS: $checked source files carry '$tag'"
