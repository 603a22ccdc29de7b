// SPDX-License-Identifier: GPL-3.0-or-later
// dnsmasq's log (log-dhcp, to stderr) read back as one event per client and answer, for the line `boot serve`
// prints per client and the service's list of clients that booted. dnsmasq writes several lines per DHCP
// transaction, each with its transaction id; the reader keeps the few transactions in flight (bounded) and
// reports when the answer is sent: DHCPACK (an address), a proxy PXE reply, an ignored machine, a TFTP transfer.
#pragma once

#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

namespace aoesan::boot {

struct BootClientEvent
{
    enum class Kind : std::uint8_t { Address, ProxyBoot, Ignored, TftpSent, TftpFailed };
    Kind kind = Kind::Address;
    QString mac; // lower case; empty for TFTP (dnsmasq names the address only)
    QString ip;
    bool ipxe = false; // the client said it is iPXE (option 175)
    QString rootPath; // what it was given (option 17)
    QString bootFile; // what it was given (option 67, the PXE menu's file) or sent by TFTP
    QString text() const; // the line `boot serve` prints
    bool operator==(const BootClientEvent &) const = default;
};

class DnsmasqLog
{
public:
    // `bootFiles`: the configuration gives PXE ROMs that are not iPXE a boot file (BootConfig's range mode).
    // dnsmasq logs the file only when the client asked for option 67; otherwise it is in the BOOTP header,
    // unlogged, and is named here from the client's tags as the configuration chose it.
    explicit DnsmasqLog(bool bootFiles = true)
        : m_bootFiles(bootFiles)
    { }

    // One line of dnsmasq's output; an event when this line completes one.
    std::optional<BootClientEvent> feed(const QString &line);

private:
    struct Transaction
    {
        QString xid;
        QString mac;
        bool ipxe = false;
        QString rootPath;
        QString bootFile;
        bool efi = false;
    };
    Transaction &transaction(const QString &xid);
    bool m_bootFiles = true;
    std::deque<Transaction> m_open; // the most recent transactions, oldest first
};

} // namespace aoesan::boot
