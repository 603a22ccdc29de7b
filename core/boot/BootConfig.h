// SPDX-License-Identifier: GPL-3.0-or-later
// What `aoesan-ctl boot serve` (and the service, per export) hands to dnsmasq: the options a person gives, checked,
// and the dnsmasq configuration made from them. dnsmasq runs with that file alone (never the system's), DNS off,
// on one interface, with DHCP on an isolated segment (a range) or proxy DHCP beside an existing DHCP server, and
// TFTP for PXE ROMs that are not iPXE: they get iPXE first (undionly.kpxe for BIOS, ipxe.efi for UEFI), then, as
// iPXE, the root path (option 17, aoe:eX.Y) and a script that sanboots it.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

#include "util/Result.h"

namespace aoesan::boot {

struct Ipv4Network
{
    std::uint32_t address = 0; // the interface's own address, host order
    int prefix = 24;
    std::uint32_t mask() const { return prefix == 0 ? 0 : 0xFFFFFFFFU << (32 - prefix); }
    std::uint32_t network() const { return address & mask(); }
    bool contains(std::uint32_t a) const { return (a & mask()) == network(); }
};

QString ipv4Text(std::uint32_t address);
std::optional<std::uint32_t> parseIpv4(const QString &text);
// The first IPv4 address of an interface, with its prefix; nullopt when it has none.
std::optional<Ipv4Network> interfaceIpv4(const QString &interface);

struct BootServerOptions
{
    QString interface;
    QString rootPath; // aoe:e0.1
    std::optional<std::pair<std::uint32_t, std::uint32_t>> range; // isolated segment: hand out these addresses
    bool proxy = false; // beside another DHCP server
    QStringList macs; // only these machines (lower case, colons); empty: any
    QString leaseTime = QStringLiteral("1h");
};

// Checks what a person gave (the address words are parsed here so that the CLI and the service say the same).
// `range` is "FIRST,LAST".
Result<BootServerOptions, QString> makeBootOptions(
    const QString &interface, const QString &root, const QString &range, bool proxy, const QStringList &macs);

// The checks a boot server makes before it starts, for the CLI and the service to say the same: the interface has
// an IPv4 address (the server answers from it) and a range lies in its network without holding that address;
// dnsmasq and the iPXE binaries are installed.
std::optional<QString> rangeProblem(const BootServerOptions &options, const Ipv4Network &network);
QString noIpv4Problem(const QString &interface);
// An empty string when dnsmasq (the program's name or path) and `ipxeDir`'s iPXE binaries are there.
QString missingProgramsProblem(const QString &dnsmasq, const QString &ipxeDir);
QString findDnsmasq(const QString &program);

// The root path's shelf.slot, from aoe:eX.Y.
std::optional<std::pair<std::uint16_t, std::uint8_t>> parseRootPath(const QString &rootPath);

// Where dnsmasq finds its files: `dir` (the private directory) holds leases; `tftpRoot` undionly.kpxe, ipxe.efi
// and boot.ipxe.
QString dnsmasqConfig(
    const BootServerOptions &options, const Ipv4Network &network, const QString &dir, const QString &tftpRoot);
// The iPXE script served to iPXE clients that ask for a file (proxy DHCP gives them no root path of its own).
QString ipxeScript(const QString &rootPath);

// The iPXE binaries of Debian's package ipxe.
inline constexpr char kIpxeBios[] = "undionly.kpxe";
inline constexpr char kIpxeUefi[] = "ipxe.efi";
inline constexpr char kIpxeScript[] = "boot.ipxe";
inline constexpr char kIpxeDir[] = "/usr/lib/ipxe";

} // namespace aoesan::boot
