// SPDX-License-Identifier: GPL-3.0-or-later
// /etc/ethers (ethers(5)): "MAC host" a line, '#' to the end of a line is a comment. It lets a person name the
// initiators an export allows (`exports add -m alice,bob`, the wizard's "Only these machines"), as ggaoed's ACLs
// do. Names are looked up when a record is made and only the MACs are kept: a later edit of the file changes no
// export. Lookups go both ways (name -> MAC for input, MAC -> name for lists).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::net {

struct EthersEntry
{
    protocol::MacAddress mac;
    QString host;
};

// A line of the file that is neither an entry, a comment nor blank (the C library skips those too).
struct EthersProblem
{
    int line = 0; // 1-based
    QString message; // "line 3: '08:00:20:01:02' is not a MAC address"
};

// ethers(5)'s address form: six groups of one or two hex digits joined by ':' ("8:0:20:1:2:3",
// "08:00:20:01:02:03").
std::optional<protocol::MacAddress> parseEthersMac(QStringView text);

// One line: an entry, nullopt for a blank or comment line, or why the line is not one.
Result<std::optional<EthersEntry>, QString> parseEthersLine(QStringView line);

class EthersTable
{
public:
    EthersTable() = default;
    // Every line; bad ones are skipped and listed in problems().
    static EthersTable parse(const QByteArray &text);

    // Host names compare without case, as the C library's ether_hostton does; the first entry wins.
    std::optional<protocol::MacAddress> macOf(QStringView host) const;
    // The first host of this MAC; empty when none.
    QString hostOf(const protocol::MacAddress &mac) const;
    // "08:00:20:01:02:03 (alice)", or the MAC alone when it has no name.
    QString describe(const protocol::MacAddress &mac) const;
    QStringList hosts() const;

    const std::vector<EthersEntry> &entries() const { return m_entries; }
    const std::vector<EthersProblem> &problems() const { return m_problems; }
    bool isEmpty() const { return m_entries.empty(); }

private:
    std::vector<EthersEntry> m_entries;
    std::vector<EthersProblem> m_problems;
};

// The file names come from: $AOESAN_ETHERS when set (for tests, which must not depend on this machine's
// file), else /etc/ethers.
QString ethersPath();

// The file read and parsed. A missing file is an empty table ("no names"); anything that is not a regular file
// of at most 1 MiB is an error naming the path.
Result<EthersTable, QString> readEthers(const QString &path);

// What a word of an allow list meant, for `-m` and the wizard: a MAC (vblade's forms or ethers(5)'s) or a host
// of the table. A word that reads as a MAC is a MAC, even when a host has that name. An address no machine sends
// from (all zeros, broadcast, multicast) is refused: on an allow list it would only keep everyone out.
struct MacWordError
{
    enum class Code : std::uint8_t {
        BadMac, // has a ':' but is no MAC address
        UnknownHost, // no MAC, and no host of that name in the table
        NoSender, // all zeros, or a group (multicast, broadcast) address
    };
    Code code = Code::BadMac;
    QString word;
};
Result<protocol::MacAddress, MacWordError> resolveMacWord(QStringView word, const EthersTable &table);

// The words of an allow list: split at commas, semicolons and white space.
QStringList splitMacWords(const QString &text);

} // namespace aoesan::net
