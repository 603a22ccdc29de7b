// SPDX-License-Identifier: GPL-3.0-or-later
#include "boot/BootConfig.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <ifaddrs.h>

#include <netinet/in.h>

#include "kernel/KernelDevice.h"
#include "net/NetworkInterfaces.h"
#include "protocol/MacAddress.h"

namespace aoesan::boot {

QString ipv4Text(std::uint32_t a)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a >> 24).arg((a >> 16) & 0xff).arg((a >> 8) & 0xff).arg(a & 0xff);
}

std::optional<std::uint32_t> parseIpv4(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    std::uint32_t a = 0;
    for (int i = 1; i <= 4; ++i) {
        const uint part = m.captured(i).toUInt();
        if (part > 255)
            return std::nullopt;
        a = (a << 8) | part;
    }
    return a;
}

std::optional<Ipv4Network> interfaceIpv4(const QString &interface)
{
    ifaddrs *list = nullptr;
    if (::getifaddrs(&list) != 0)
        return std::nullopt;
    std::optional<Ipv4Network> found;
    const QByteArray name = interface.toUtf8();
    for (ifaddrs *i = list; i && !found; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || name != i->ifa_name)
            continue;
        Ipv4Network n;
        n.address = ntohl(reinterpret_cast<const sockaddr_in *>(i->ifa_addr)->sin_addr.s_addr);
        n.prefix = 32;
        if (i->ifa_netmask)
            n.prefix
                = __builtin_popcount(ntohl(reinterpret_cast<const sockaddr_in *>(i->ifa_netmask)->sin_addr.s_addr));
        found = n;
    }
    ::freeifaddrs(list);
    return found;
}

std::optional<std::pair<std::uint16_t, std::uint8_t>> parseRootPath(const QString &rootPath)
{
    // aoe:e0.1 as iPXE writes it; e0.1 alone is taken too.
    QString rest = rootPath.trimmed();
    if (rest.startsWith(QLatin1String("aoe:")))
        rest = rest.mid(4);
    if (!rest.startsWith(QLatin1Char('e')) || rest.contains(QLatin1Char('p')))
        return std::nullopt;
    return kernel::parseDeviceName(rest);
}

Result<BootServerOptions, QString> makeBootOptions(
    const QString &interface, const QString &root, const QString &range, bool proxy, const QStringList &macs)
{
    BootServerOptions o;
    if (!net::isInterfaceName(interface.toStdString()))
        return Unexpected(QStringLiteral("'%1' is not a network interface name (see `ip link`)").arg(interface));
    o.interface = interface;
    const auto address = parseRootPath(root);
    if (!address)
        return Unexpected(QStringLiteral("--root must be aoe:eSHELF.SLOT, e.g. aoe:e0.1, not '%1'").arg(root));
    o.rootPath = QStringLiteral("aoe:e%1.%2").arg(address->first).arg(address->second);
    if (proxy == !range.isEmpty())
        return Unexpected(QStringLiteral("give either --range FIRST,LAST (this segment has no DHCP server of its own) "
                                         "or --proxy (another DHCP server hands out the addresses)"));
    o.proxy = proxy;
    if (!range.isEmpty()) {
        const QStringList ends = range.split(QLatin1Char(','));
        const auto first = ends.size() == 2 ? parseIpv4(ends[0]) : std::nullopt;
        const auto last = ends.size() == 2 ? parseIpv4(ends[1]) : std::nullopt;
        if (!first || !last || *first > *last)
            return Unexpected(
                QStringLiteral("--range needs FIRST,LAST IPv4 addresses, the first not above the last, e.g. "
                               "10.0.0.100,10.0.0.150, not '%1'")
                    .arg(range));
        o.range = std::pair {*first, *last};
    }
    for (const QString &m : macs) {
        const auto mac = protocol::MacAddress::fromString(m.trimmed().toStdString());
        if (!mac)
            return Unexpected(QStringLiteral("'%1' is not a MAC address (aa:bb:cc:dd:ee:ff)").arg(m));
        o.macs << QString::fromStdString(mac->toString()).toLower();
    }
    return o;
}

std::optional<QString> rangeProblem(const BootServerOptions &o, const Ipv4Network &network)
{
    if (!o.range)
        return std::nullopt;
    const auto [first, last] = *o.range;
    if (!network.contains(first) || !network.contains(last))
        return QStringLiteral("the range %1-%2 is not in %3's network %4/%5")
            .arg(ipv4Text(first), ipv4Text(last), o.interface, ipv4Text(network.network()))
            .arg(network.prefix);
    if (network.address >= first && network.address <= last)
        return QStringLiteral("the range %1-%2 holds %3's own address %4")
            .arg(ipv4Text(first), ipv4Text(last), o.interface, ipv4Text(network.address));
    return std::nullopt;
}

QString noIpv4Problem(const QString &interface)
{
    return QStringLiteral("%1 has no IPv4 address: the boot server answers from the interface's own address (sudo "
                          "ip addr add 10.0.0.1/24 dev %1)")
        .arg(interface);
}

QString findDnsmasq(const QString &program)
{
    if (program.contains(QLatin1Char('/')))
        return QFileInfo(program).isExecutable() ? program : QString();
    // dnsmasq is in /usr/sbin, which is not on every user's PATH (the service's, for one).
    QString found = QStandardPaths::findExecutable(program);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(program, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return found;
}

QString missingProgramsProblem(const QString &dnsmasq, const QString &ipxeDir)
{
    if (findDnsmasq(dnsmasq).isEmpty())
        return QStringLiteral("dnsmasq is not installed: sudo apt-get install dnsmasq-base");
    for (const char *name : {kIpxeBios, kIpxeUefi}) {
        const QString path = ipxeDir + QLatin1Char('/') + QLatin1String(name);
        if (!QFileInfo(path).isReadable())
            return QStringLiteral("%1 is missing: sudo apt-get install ipxe").arg(path);
    }
    return {};
}

QString ipxeScript(const QString &rootPath)
{
    return QStringLiteral("#!ipxe\n# made by aoesan boot serve\nsanboot %1 || shell\n").arg(rootPath);
}

QString dnsmasqConfig(
    const BootServerOptions &o, const Ipv4Network &network, const QString &dir, const QString &tftpRoot)
{
    QStringList c;
    c << QStringLiteral("# Made by aoesan boot serve for this run only; not the system's dnsmasq.");
    c << QStringLiteral("port=0") // no DNS
      << QStringLiteral("interface=%1").arg(o.interface) << QStringLiteral("bind-interfaces")
      << QStringLiteral("except-interface=lo") << QStringLiteral("no-resolv") << QStringLiteral("no-hosts")
      << QStringLiteral("log-dhcp") << QStringLiteral("log-facility=-")
      << QStringLiteral("dhcp-leasefile=%1/leases").arg(dir);
    if (o.range)
        c << QStringLiteral("dhcp-range=%1,%2,%3,%4")
                 .arg(ipv4Text(o.range->first), ipv4Text(o.range->second), ipv4Text(network.mask()), o.leaseTime);
    else
        c << QStringLiteral("dhcp-range=%1,proxy,%2").arg(ipv4Text(network.network()), ipv4Text(network.mask()));
    // Who asks: iPXE says so with option 175; PXE ROMs by their vendor class and architecture (option 93).
    c << QStringLiteral("dhcp-match=set:ipxe,175") << QStringLiteral("dhcp-match=set:efi64,option:client-arch,7")
      << QStringLiteral("dhcp-match=set:efi64,option:client-arch,9")
      << QStringLiteral("dhcp-vendorclass=set:pxe,PXEClient");
    if (!o.macs.isEmpty()) {
        for (const QString &mac : o.macs)
            c << QStringLiteral("dhcp-host=%1,set:allowed").arg(mac);
        c << QStringLiteral("dhcp-ignore=tag:!allowed");
    }
    c << QStringLiteral("enable-tftp") << QStringLiteral("tftp-root=%1").arg(tftpRoot)
      << QStringLiteral("tftp-no-blocksize");
    if (o.range) {
        // iPXE: the root path, which it sanboots at once; a PXE ROM that is not iPXE: iPXE by TFTP first.
        c << QStringLiteral("dhcp-option=tag:ipxe,option:root-path,\"%1\"").arg(o.rootPath)
          << QStringLiteral("dhcp-boot=tag:!ipxe,tag:efi64,%1").arg(QLatin1String(kIpxeUefi))
          << QStringLiteral("dhcp-boot=tag:!ipxe,tag:!efi64,%1").arg(QLatin1String(kIpxeBios));
    } else {
        // Proxy DHCP answers PXE clients with boot information only (the other server gives the address): a PXE
        // menu of one entry, taken at once. A PXE ROM gets iPXE, iPXE a script that sanboots the root path.
        c << QStringLiteral("dhcp-option=tag:ipxe,option:root-path,\"%1\"").arg(o.rootPath)
          << QStringLiteral("pxe-prompt=\"aoesan network boot\",0")
          << QStringLiteral("pxe-service=tag:!ipxe,x86PC,\"iPXE (aoesan)\",%1").arg(QLatin1String(kIpxeBios))
          << QStringLiteral("pxe-service=tag:!ipxe,x86-64_EFI,\"iPXE (aoesan)\",%1").arg(QLatin1String(kIpxeUefi))
          << QStringLiteral("pxe-service=tag:ipxe,x86PC,\"aoesan sanboot\",%1").arg(QLatin1String(kIpxeScript))
          << QStringLiteral("pxe-service=tag:ipxe,x86-64_EFI,\"aoesan sanboot\",%1").arg(QLatin1String(kIpxeScript));
    }
    return c.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace aoesan::boot
