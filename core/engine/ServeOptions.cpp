// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ServeOptions.h"

#include <charconv>

#include "protocol/Constants.h"
#include "util/ExitCode.h"

namespace aoesan::engine {

namespace {

template<typename T> std::optional<T> number(const std::string &text, T max)
{
    std::uint64_t value = 0;
    const auto *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value > max)
        return std::nullopt;
    return static_cast<T>(value);
}

Result<std::vector<protocol::MacAddress>, std::string> macList(const std::string &text)
{
    std::vector<protocol::MacAddress> macs;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto mac = protocol::MacAddress::fromString(item);
        if (!mac)
            return Unexpected("-m: '" + item + "' is not a MAC address (like 02:00:00:00:a0:02)");
        macs.push_back(*mac);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return macs;
}

} // namespace

std::string serveUsage(const std::string &program)
{
    return "usage: " + program
        + " serve [-b bufcnt] [-d] [-s] [-r] [-m mac[,mac...]] [-o offset] [-l length]\n"
          "            [--events] [--state-file PATH | --no-state] [--wire-edits forget|keep|refuse]\n"
          "            [--workers N] shelf slot netif file\n"
          "Exports FILE (a regular file or block device) as AoE target e<shelf>.<slot> on NETIF,\n"
          "with vblade's arguments and meaning:\n"
          "  -b bufcnt  requests the initiator may have outstanding (default 16, at least 2)\n"
          "  -d         O_DIRECT: bypass the page cache\n"
          "  -s         O_SYNC: writes reach the disk before they are answered\n"
          "  -r         read-only\n"
          "  -m macs    only these initiators may use the export (comma-separated)\n"
          "  -o offset  start this many 512-byte sectors into FILE\n"
          "  -l length  export this many 512-byte sectors\n"
          "  --events   one JSON object per line on stdout (started, counters, client, warning, error, stopped)\n"
          "  --state-file PATH  where the config string (and kept mask and reservations) persist\n"
          "  --no-state         keep them in memory only, as vblade does\n"
          "  --wire-edits MODE  what MAC mask and reserve edits from initiators do: forget (default:\n"
          "                     they last until the engine stops), keep (saved in the state file and\n"
          "                     restored at the next start) or refuse (the -m list is the only one)\n"
          "  --workers N        I/O threads (0 = serve on the receive thread; default 0, or 16 with -d or -s)\n"
          "shelf is 0-65534, slot 0-254.\n"
        + std::string(kExitCodeHelp) + "\n";
}

Result<ServeOptions, std::string> parseServeArguments(const std::vector<std::string> &args)
{
    ServeOptions o;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](const std::string &name) -> Result<std::string, std::string> {
            if (i + 1 >= args.size())
                return Unexpected(name + " needs a value");
            return args[++i];
        };
        if (a == "--events") {
            o.events = true;
        } else if (a == "--no-state") {
            o.noState = true;
        } else if (a == "--state-file") {
            auto v = value(a);
            if (!v)
                return Unexpected(v.error());
            o.stateFile = v.value();
        } else if (a == "--wire-edits") {
            auto v = value(a);
            if (!v)
                return Unexpected(v.error());
            const auto mode = wireEditsFromWord(v.value());
            if (!mode)
                return Unexpected("--wire-edits: '" + v.value() + "' is not one of forget, keep, refuse");
            o.wireEdits = *mode;
        } else if (a == "--workers") {
            auto v = value(a);
            if (!v)
                return Unexpected(v.error());
            const auto n = number<unsigned>(v.value(), 256);
            if (!n)
                return Unexpected("--workers: '" + v.value() + "' is not a number from 0 to 256");
            o.workers = *n;
        } else if (a.size() > 1 && a[0] == '-' && a[1] != '-') {
            // Short options may be grouped (-rd) and take their value attached or as the next word.
            for (std::size_t c = 1; c < a.size(); ++c) {
                const char flag = a[c];
                if (flag == 'd' || flag == 's' || flag == 'r') {
                    (flag == 'd' ? o.direct : flag == 's' ? o.sync : o.readOnly) = true;
                    continue;
                }
                if (flag != 'b' && flag != 'm' && flag != 'o' && flag != 'l')
                    return Unexpected(std::string("unknown option -") + flag);
                std::string text = a.substr(c + 1);
                if (text.empty()) {
                    auto v = value(std::string("-") + flag);
                    if (!v)
                        return Unexpected(v.error());
                    text = v.value();
                }
                if (flag == 'b') {
                    const auto n = number<std::uint16_t>(text, 65535);
                    if (!n || *n < 2)
                        return Unexpected("-b: buffer count '" + text
                            + "' must be a number from 2 to 65535 (the Linux initiator needs at least 2)");
                    o.bufferCount = *n;
                } else if (flag == 'm') {
                    auto macs = macList(text);
                    if (!macs)
                        return Unexpected(macs.error());
                    o.masks = std::move(macs).value();
                } else {
                    const auto n = number<std::uint64_t>(text, UINT64_MAX / 512);
                    if (!n)
                        return Unexpected(std::string("-") + flag + ": '" + text + "' is not a number of sectors");
                    if (flag == 'o')
                        o.offsetSectors = *n;
                    else if (*n == 0)
                        return Unexpected("-l: the length must be at least 1 sector");
                    else
                        o.lengthSectors = *n;
                }
                break;
            }
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 4)
        return Unexpected(
            "expected shelf, slot, interface and file; got " + std::to_string(positional.size()) + " argument(s)");
    const auto shelf = number<std::uint16_t>(positional[0], protocol::kBroadcastMajor - 1);
    if (!shelf)
        return Unexpected("shelf '" + positional[0] + "' must be a number from 0 to 65534 (65535 means broadcast)");
    const auto slot = number<std::uint8_t>(positional[1], protocol::kBroadcastMinor - 1);
    if (!slot)
        return Unexpected("slot '" + positional[1] + "' must be a number from 0 to 254 (255 means broadcast)");
    o.shelf = *shelf;
    o.slot = *slot;
    o.interface = positional[2];
    o.path = positional[3];
    if (o.shelf == protocol::kLinuxRejectedMajor)
        o.warnings.push_back(
            "shelf 4095 is ignored by the Linux aoe initiator; choose another shelf for Linux clients");
    if (o.noState && o.stateFile)
        return Unexpected("--state-file and --no-state contradict each other");
    return o;
}

} // namespace aoesan::engine
