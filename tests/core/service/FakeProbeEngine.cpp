// SPDX-License-Identifier: GPL-3.0-or-later
// A stand-in aoesan-engine for the service's scale test: `probe` says `started` and then announces
// $AOESAN_FAKE_TARGETS targets (shelf 1..., every slot of a shelf in turn) in the real event format
// (discovery::targetToJson), then waits for its stdin to close, as the real probe does; with
// AOESAN_FAKE_ANNOUNCE_ON_PROBE=1 a `probe` request (Manager.ProbeNow) announces them all again as changed,
// as a real probe round would. With AOESAN_FAKE_SERVE=1, `serve` says `started` as a serving engine does (so an export
// of the service is running and its own) and waits to be stopped. Nothing is sent on any network.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

#include "discovery/TargetJson.h"

using namespace aoesan;

int main(int argc, char *argv[])
{
    if (argc >= 2 && std::string(argv[1]) == "serve" && qEnvironmentVariableIntValue("AOESAN_FAKE_SERVE") == 1) {
        const QByteArray started = QJsonDocument(
            QJsonObject {{QStringLiteral("event"), QStringLiteral("started")},
                {QStringLiteral("pid"), static_cast<qint64>(::getpid())},
                {QStringLiteral("mac"), QStringLiteral("02:00:00:00:00:fe")},
                {QStringLiteral("sectors"),
                    131072}}).toJson(QJsonDocument::Compact);
        std::printf("%s\n", started.constData());
        std::fflush(stdout);
        for (;;)
            ::pause(); // until the supervisor's SIGTERM
    }
    if (argc < 2 || std::string(argv[1]) != "probe") {
        std::fprintf(stderr, "fake engine: only probe (and serve with AOESAN_FAKE_SERVE=1) are faked\n");
        return 2;
    }
    const char *count = std::getenv("AOESAN_FAKE_TARGETS");
    const long targets = count ? std::strtol(count, nullptr, 10) : 0;
    const auto line = [](const QJsonObject &o) {
        const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        std::fputc('\n', stdout);
    };
    line({{QStringLiteral("event"), QStringLiteral("started")}, {QStringLiteral("pid"), 1},
        {QStringLiteral("interfaces"),
            QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("lan0")}, {QStringLiteral("mtu"), 1500}}}},
        {QStringLiteral("intervalMs"), 10000}});
    const auto announce = [&](const QString &kind) {
        const auto now = std::chrono::system_clock::now();
        for (long i = 0; i < targets; ++i) {
            discovery::TargetInfo t;
            t.id = {static_cast<std::uint16_t>(1 + i / 255), static_cast<std::uint8_t>(i % 255)};
            t.identified = true;
            t.sectors = 2097152;
            t.model = "aoesan fake";
            t.serial = "FAKE" + std::to_string(i);
            t.firmware = "1";
            discovery::TargetPath path;
            path.interfaceName = "lan0";
            path.mac = protocol::MacAddress {{0x02, 0, 0, static_cast<std::uint8_t>(i >> 16),
                static_cast<std::uint8_t>(i >> 8), static_cast<std::uint8_t>(i)}};
            path.bufferCount = 16;
            path.lastSeen = now;
            t.paths.push_back(path);
            t.lastSeen = now;
            line({{QStringLiteral("event"), kind}, {QStringLiteral("target"), discovery::targetToJson(t)}});
        }
        std::fflush(stdout);
    };
    announce(QStringLiteral("added"));
    const bool again = qEnvironmentVariableIntValue("AOESAN_FAKE_ANNOUNCE_ON_PROBE") == 1;
    // The real probe runs until its reader closes stdin.
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, stdin)) {
        if (again && std::string(buffer).rfind("probe", 0) == 0)
            announce(QStringLiteral("changed"));
    }
    line({{QStringLiteral("event"), QStringLiteral("stopped")},
        {QStringLiteral("reason"), QStringLiteral("stdin closed")}});
    return 0;
}
