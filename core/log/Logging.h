// SPDX-License-Identifier: GPL-3.0-or-later
// spdlog set up in one place: console plus a rotating file in the XDG state directory.
// Each subsystem logs through its own named logger (net, protocol, discovery, engine, ...).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

namespace aoesan::log {

struct LogOptions
{
    std::string program; // names the file: <state dir>/aoesan/<program>.log
    std::optional<std::string> level; // "trace".."off"; else $AOESAN_LOG; else "info"
    bool toFile = true;
    bool consoleToStderr = true; // programs whose stdout is a data stream keep it clean
};

struct LogSetup
{
    std::string filePath; // empty when file logging is off or could not be opened
    std::string fileError; // why the file could not be used
    spdlog::level::level_enum level = spdlog::level::info;
};

// The level names a person may give (--log-level, $AOESAN_LOG), for help texts and errors.
inline constexpr const char *kLevelNames = "trace, debug, info, warn, error or off";

// Parses a level name; nullopt when it is not one. The one parser for every program's --log-level.
std::optional<spdlog::level::level_enum> parseLevel(const std::string &name);

// The directory for the log file: $XDG_STATE_HOME/aoesan or ~/.local/state/aoesan.
std::string stateDirectory();

// Installs the sinks for every logger made afterwards by logger(). Never throws: a log file that
// cannot be opened is reported in LogSetup::fileError and logging goes on to the console.
LogSetup initLogging(const LogOptions &options);

// The named logger of a subsystem, created on first use with the installed sinks.
std::shared_ptr<spdlog::logger> logger(const std::string &subsystem);

} // namespace aoesan::log
