// SPDX-License-Identifier: GPL-3.0-or-later
// The exit codes of every aoesan command-line program (aoesan-ctl, aoesan-engine serve and probe,
// aoesan-service): one table, documented in the programs' help texts and docs/exit-codes.md (a test checks
// both). Scripts and systemd units rely on it (RestartPreventExitStatus=3: restarting will not give a
// permission), so a value never changes.
#pragma once

#include <array>

namespace aoesan {

enum ExitCode : int {
    ExitOk = 0, // done
    ExitFailed = 1, // failed, refused, or no answer
    ExitUsage = 2, // the command line is wrong; nothing was done
    ExitNoPermission = 3, // this user may not do it (CAP_NET_RAW, an unreadable file); a person has to act
};

// Every code, for the tests that hold the docs and the help text to the table.
inline constexpr std::array<ExitCode, 4> kExitCodes {ExitOk, ExitFailed, ExitUsage, ExitNoPermission};

// The table as the help texts print it.
inline constexpr const char *kExitCodeHelp
    = "Exit codes: 0 done, 1 failed or no answer, 2 usage error, 3 no permission.";

} // namespace aoesan
