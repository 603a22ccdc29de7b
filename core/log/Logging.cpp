// SPDX-License-Identifier: GPL-3.0-or-later
#include "log/Logging.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace aoesan::log {

namespace {
std::mutex g_mutex;
std::vector<spdlog::sink_ptr> g_sinks; // guarded by g_mutex; empty until initLogging
spdlog::level::level_enum g_level = spdlog::level::info;
constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 3;
} // namespace

std::optional<spdlog::level::level_enum> parseLevel(const std::string &name)
{
    const auto level = spdlog::level::from_str(name);
    // from_str answers "off" for anything it does not know.
    if (level == spdlog::level::off && name != "off")
        return std::nullopt;
    return level;
}

std::string stateDirectory()
{
    if (const char *xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/aoesan";
    if (const char *home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.local/state/aoesan";
    return "/tmp/aoesan";
}

LogSetup initLogging(const LogOptions &options)
{
    LogSetup setup;
    std::string levelName = "info";
    if (options.level)
        levelName = *options.level;
    else if (const char *env = std::getenv("AOESAN_LOG"); env && *env)
        levelName = env;
    setup.level = parseLevel(levelName).value_or(spdlog::level::info);

    std::vector<spdlog::sink_ptr> sinks;
    if (options.consoleToStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    else
        sinks.push_back(std::make_shared<spdlog::sinks::stdout_color_sink_mt>());

    if (options.toFile) {
        const std::string dir = stateDirectory();
        const std::string path = dir + "/" + (options.program.empty() ? "aoesan" : options.program) + ".log";
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, kMaxFileBytes, kMaxFiles));
            setup.filePath = path;
        } catch (const spdlog::spdlog_ex &e) {
            setup.fileError = e.what();
        }
    }

    {
        const std::lock_guard lock(g_mutex);
        g_sinks = std::move(sinks);
        g_level = setup.level;
    }
    spdlog::drop_all();
    spdlog::set_default_logger(logger(options.program.empty() ? "aoesan" : options.program));
    return setup;
}

std::shared_ptr<spdlog::logger> logger(const std::string &subsystem)
{
    const std::lock_guard lock(g_mutex);
    if (auto existing = spdlog::get(subsystem))
        return existing;
    if (g_sinks.empty())
        g_sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    auto made = std::make_shared<spdlog::logger>(subsystem, g_sinks.begin(), g_sinks.end());
    made->set_level(g_level);
    made->flush_on(spdlog::level::warn);
    spdlog::register_logger(made);
    return made;
}

} // namespace aoesan::log
