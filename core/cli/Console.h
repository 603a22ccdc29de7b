// SPDX-License-Identifier: GPL-3.0-or-later
// Where an aoesan-ctl subcommand writes: its report on `out`, its errors, warnings and notes on `err`.
// aoesan-ctl passes the process's stdout and stderr; a test passes memory streams and reads back the
// bytes a person would see, without redirecting file descriptors.
#pragma once

#include <cstdio>

namespace aoesan::cli {

struct Console
{
    std::FILE *out = stdout;
    std::FILE *err = stderr;
};

} // namespace aoesan::cli
