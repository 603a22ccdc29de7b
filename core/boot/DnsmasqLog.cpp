// SPDX-License-Identifier: GPL-3.0-or-later
#include "boot/DnsmasqLog.h"

#include <QRegularExpression>

#include "boot/BootConfig.h"

namespace aoesan::boot {

namespace {

// dnsmasq keeps no more than a few transactions in flight per client; a storm of clients must not grow this.
constexpr std::size_t kMaxOpen = 64;

} // namespace

QString BootClientEvent::text() const
{
    switch (kind) {
    case Kind::Address:
        return QStringLiteral("%1 %2 %3")
            .arg(mac, ip,
                ipxe ? (rootPath.isEmpty() ? QStringLiteral("iPXE: an address only (no root path)")
                                           : QStringLiteral("iPXE: root-path %1").arg(rootPath))
                     : (bootFile.isEmpty() ? QStringLiteral("DHCP: an address only")
                                           : QStringLiteral("PXE: iPXE by TFTP (%1)").arg(bootFile)));
    case Kind::ProxyBoot:
        return QStringLiteral("%1 %2 %3")
            .arg(mac, ip.isEmpty() ? QStringLiteral("-") : ip,
                ipxe ? QStringLiteral("iPXE (proxy): %1").arg(bootFile)
                     : QStringLiteral("PXE (proxy): iPXE by TFTP (%1)").arg(bootFile));
    case Kind::Ignored:
        return QStringLiteral("%1 ignored: not an allowed machine (--mac)").arg(mac);
    case Kind::TftpSent:
        return QStringLiteral("%1 TFTP: sent %2").arg(ip, bootFile);
    case Kind::TftpFailed:
        return QStringLiteral("%1 TFTP: failed: %2").arg(ip, bootFile);
    }
    return {};
}

DnsmasqLog::Transaction &DnsmasqLog::transaction(const QString &xid)
{
    for (auto &t : m_open) {
        if (t.xid == xid)
            return t;
    }
    if (m_open.size() >= kMaxOpen)
        m_open.pop_front();
    m_open.push_back(Transaction {xid, {}, false, {}, {}, false});
    return m_open.back();
}

std::optional<BootClientEvent> DnsmasqLog::feed(const QString &raw)
{
    // dnsmasq-dhcp[123]: 3443317282 DHCPACK(v0) 10.77.0.59 52:54:00:aa:00:01
    static const QRegularExpression dhcp(QStringLiteral("^dnsmasq-dhcp(?:\\[\\d+\\])?: (\\d+) (.*)$"));
    static const QRegularExpression tftp(QStringLiteral("^dnsmasq-tftp(?:\\[\\d+\\])?: (.*)$"));
    const QString line = raw.trimmed();
    if (const auto m = tftp.match(line); m.hasMatch()) {
        static const QRegularExpression sent(QStringLiteral("^sent (\\S+) to (\\S+)$"));
        static const QRegularExpression failed(
            QStringLiteral("^(?:error|failed) .*?(?:sending|file) (\\S+) to (\\S+)"));
        if (const auto s = sent.match(m.captured(1)); s.hasMatch())
            return BootClientEvent {BootClientEvent::Kind::TftpSent, {}, s.captured(2), false, {},
                s.captured(1).section(QLatin1Char('/'), -1)};
        if (const auto f = failed.match(m.captured(1)); f.hasMatch())
            return BootClientEvent {BootClientEvent::Kind::TftpFailed, {}, f.captured(2), false, {}, m.captured(1)};
        return std::nullopt;
    }
    const auto m = dhcp.match(line);
    if (!m.hasMatch())
        return std::nullopt;
    const QString body = m.captured(2);
    Transaction &t = transaction(m.captured(1));
    static const QRegularExpression tags(QStringLiteral("^tags: (.*)$"));
    static const QRegularExpression sentOption(QStringLiteral("^sent size: *\\d+ option: *(\\d+) \\S+ +(.*)$"));
    static const QRegularExpression message(
        QStringLiteral("^(DHCP\\w+|PXE)\\([^)]*\\) (?:(\\d+\\.\\d+\\.\\d+\\.\\d+) )?([0-9a-fA-F:]{17})(?: (.*))?$"));
    if (const auto g = tags.match(body); g.hasMatch()) {
        const QStringList words = g.captured(1).split(QStringLiteral(", "));
        t.ipxe = words.contains(QStringLiteral("ipxe"));
        t.efi = words.contains(QStringLiteral("efi64"));
        return std::nullopt;
    }
    if (const auto o = sentOption.match(body); o.hasMatch()) {
        if (o.captured(1) == QLatin1String("17"))
            t.rootPath = o.captured(2).trimmed();
        else if (o.captured(1) == QLatin1String("67"))
            t.bootFile = o.captured(2).trimmed();
        return std::nullopt;
    }
    const auto msg = message.match(body);
    if (!msg.hasMatch())
        return std::nullopt;
    const QString kind = msg.captured(1);
    const QString mac = msg.captured(3).toLower();
    const QString rest = msg.captured(4).trimmed();
    t.mac = mac;
    if (rest == QLatin1String("ignored"))
        return BootClientEvent {BootClientEvent::Kind::Ignored, mac, {}, false, {}, {}};
    if (kind == QLatin1String("DHCPACK")) {
        if (t.bootFile.isEmpty() && !t.ipxe && m_bootFiles)
            t.bootFile = QLatin1String(t.efi ? kIpxeUefi : kIpxeBios);
        // The options are logged after the ACK line: the event comes with the transaction's next line or the
        // next transaction. Simpler and exact enough: report it now with what the offer of this xid carried.
        return BootClientEvent {BootClientEvent::Kind::Address, mac, msg.captured(2), t.ipxe, t.rootPath, t.bootFile};
    }
    if (kind == QLatin1String("PXE") && !rest.isEmpty() && rest != QLatin1String("proxy"))
        // The proxy's tags come on another line than its answer: the file says who asked.
        return BootClientEvent {BootClientEvent::Kind::ProxyBoot, mac, msg.captured(2),
            t.ipxe || rest == QLatin1String(kIpxeScript), {}, rest};
    return std::nullopt;
}

} // namespace aoesan::boot
