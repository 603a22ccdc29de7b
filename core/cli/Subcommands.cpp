// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Subcommands.h"

#include <algorithm>

#include "cli/Commands.h"

namespace aoesan::cli {

const std::vector<Subcommand> &subcommands()
{
    static const std::vector<Subcommand> table = [] {
        std::vector<Subcommand> list {
            {QStringLiteral("interfaces"), "list Ethernet interfaces with MAC, MTU and link state", runInterfaces},
            {QStringLiteral("stat"), "discover AoE targets and list them as aoe-stat does", runStat},
            {QStringLiteral("identify"), "show a target's IDENTIFY data: model, serial, size", runIdentify},
            {QStringLiteral("boot"), "boot machines from an export over the network (DHCP, TFTP, iPXE)", runBoot},
            {QStringLiteral("capture"), "write AoE (and network boot) frames to a pcap file for Wireshark", runCapture},
            {QStringLiteral("config"), "read, test or set a target's config string", runConfig},
            {QStringLiteral("mask"), "read or edit a target's MAC mask list", runMask},
            {QStringLiteral("reserve"), "read, set or release a target's reserve list", runReserve},
            {QStringLiteral("attach"), "use a target as a disk of this machine (the Linux aoe driver)", runAttach},
            {QStringLiteral("bench"), "measure a target's speed: MiB/s, IOPS and latency, reading or writing",
                runBench},
            {QStringLiteral("detach"), "release a target attached through the aoe driver", runDetach},
            {QStringLiteral("exports"), "list, show, add, set, remove, run, start or stop exports", runExports},
            {QStringLiteral("monitor"),
                "a live view of the service's exports: reads/s, writes/s, MiB/s, clients, errors", runMonitor},
            {QStringLiteral("targets"), "list the targets the aoesan service discovers (no privilege)", runTargets},
            {QStringLiteral("supervise"), "run the autostart exports until SIGTERM (headless)", runSupervise},
            {QStringLiteral("import-vblade-conf"), "import Debian's vblade.conf.d exports", runImportVbladeConf},
            {QStringLiteral("serve"), "export a file or block device as an AoE target (vblade's arguments)", runServe},
        };
        std::ranges::sort(list, {}, &Subcommand::name);
        return list;
    }();
    return table;
}

const Subcommand *findSubcommand(const QString &name)
{
    const auto &table = subcommands();
    const auto found = std::ranges::find(table, name, &Subcommand::name);
    return found == table.end() ? nullptr : &*found;
}

QString commandsHelp()
{
    // One column for the summaries, as wide as the longest command name.
    qsizetype width = 0;
    for (const auto &command : subcommands())
        width = std::max(width, command.name.size());
    QString text = QStringLiteral("Commands:\n");
    for (const auto &command : subcommands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(command.name, -static_cast<int>(width))
                    .arg(QString::fromLatin1(command.summary));
    return text;
}

} // namespace aoesan::cli
