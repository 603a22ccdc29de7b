// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Ethers.h"

#include <QRegularExpression>

#include <algorithm>

#include "util/ReadSmallFile.h"

namespace aoesan::net {

namespace {

// Far more than any site's /etc/ethers (a line is about 30 bytes); a larger "file" is no such file.
constexpr qint64 kMaxEthersBytes = util::kMiB;
constexpr qsizetype kMaxHostLength = 253; // a DNS name's limit

bool isHostCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('-')
        || c == QLatin1Char('_');
}

int hexDigit(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// vblade's forms ("02:00:00:00:a0:01", "020000-00a001") or ethers(5)'s ("2:0:0:0:a0:1").
std::optional<protocol::MacAddress> anyMacForm(QStringView word)
{
    if (auto mac = parseEthersMac(word))
        return mac;
    return protocol::MacAddress::fromString(word.toString().toStdString());
}

} // namespace

std::optional<protocol::MacAddress> parseEthersMac(QStringView text)
{
    protocol::MacAddress::Bytes bytes {};
    std::size_t group = 0;
    int digits = 0;
    unsigned value = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char(':')) {
            if (digits == 0 || group >= 5)
                return std::nullopt;
            bytes[group++] = static_cast<std::uint8_t>(value);
            digits = 0;
            value = 0;
            continue;
        }
        const int v = hexDigit(c);
        if (v < 0 || digits == 2)
            return std::nullopt;
        value = value * 16 + static_cast<unsigned>(v);
        ++digits;
    }
    if (digits == 0 || group != 5)
        return std::nullopt;
    bytes[group] = static_cast<std::uint8_t>(value);
    return protocol::MacAddress(bytes);
}

Result<std::optional<EthersEntry>, QString> parseEthersLine(QStringView line)
{
    const qsizetype hash = line.indexOf(QLatin1Char('#'));
    const QStringView content = (hash >= 0 ? line.left(hash) : line).trimmed();
    if (content.isEmpty())
        return std::optional<EthersEntry> {};
    const auto words = content.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.size() < 2)
        return Unexpected(
            QStringLiteral("'%1' is one word; a line needs a MAC address and a host name").arg(content.toString()));
    if (words.size() > 2)
        return Unexpected(QStringLiteral("'%1' has more than a MAC address and a host name").arg(content.toString()));
    const auto mac = parseEthersMac(words.at(0));
    if (!mac)
        return Unexpected(QStringLiteral("'%1' is not a MAC address (six hex numbers joined by ':', e.g. "
                                         "8:0:20:1:2:3)")
                              .arg(words.at(0).toString()));
    const QStringView host = words.at(1);
    if (host.size() > kMaxHostLength || !std::all_of(host.begin(), host.end(), isHostCharacter))
        return Unexpected(QStringLiteral("'%1' is not a host name (letters, digits, '.', '-' and '_', at most %2)")
                              .arg(host.left(kMaxHostLength).toString())
                              .arg(kMaxHostLength));
    // "deadbeef0001" would be taken for a MAC wherever a name may be given, so no one could name that host.
    if (anyMacForm(host))
        return Unexpected(QStringLiteral("the host name '%1' reads as a MAC address").arg(host.toString()));
    return std::optional<EthersEntry> {EthersEntry {*mac, host.toString()}};
}

EthersTable EthersTable::parse(const QByteArray &text)
{
    EthersTable table;
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto parsed = parseEthersLine(lines.at(i));
        const int number = static_cast<int>(i + 1);
        if (!parsed)
            table.m_problems.push_back({number, QStringLiteral("line %1: %2").arg(number).arg(parsed.error())});
        else if (parsed.value())
            table.m_entries.push_back(*parsed.value());
    }
    return table;
}

std::optional<protocol::MacAddress> EthersTable::macOf(QStringView host) const
{
    const auto it = std::ranges::find_if(
        m_entries, [&](const EthersEntry &e) { return host.compare(e.host, Qt::CaseInsensitive) == 0; });
    if (it == m_entries.end())
        return std::nullopt;
    return it->mac;
}

QString EthersTable::hostOf(const protocol::MacAddress &mac) const
{
    const auto it = std::ranges::find_if(m_entries, [&](const EthersEntry &e) { return e.mac == mac; });
    return it == m_entries.end() ? QString() : it->host;
}

QString EthersTable::describe(const protocol::MacAddress &mac) const
{
    const QString text = QString::fromStdString(mac.toString());
    const QString host = hostOf(mac);
    return host.isEmpty() ? text : QStringLiteral("%1 (%2)").arg(text, host);
}

QStringList EthersTable::hosts() const
{
    QStringList names;
    for (const auto &e : m_entries) {
        if (!names.contains(e.host, Qt::CaseInsensitive))
            names << e.host;
    }
    return names;
}

QString ethersPath()
{
    const QString overridden = qEnvironmentVariable("AOESAN_ETHERS");
    return overridden.isEmpty() ? QStringLiteral("/etc/ethers") : overridden;
}

Result<EthersTable, QString> readEthers(const QString &path)
{
    const auto bytes = util::readSmallFile(path, {kMaxEthersBytes, QStringLiteral("the host name file")});
    if (!bytes) {
        if (bytes.error().code == util::ReadFileError::Code::NotFound)
            return EthersTable();
        return Unexpected(bytes.error().message);
    }
    return EthersTable::parse(bytes.value());
}

Result<protocol::MacAddress, MacWordError> resolveMacWord(QStringView word, const EthersTable &table)
{
    auto sender = [&](const protocol::MacAddress &mac) -> Result<protocol::MacAddress, MacWordError> {
        if (mac.isZero() || mac.isMulticast())
            return Unexpected(MacWordError {MacWordError::Code::NoSender, word.toString()});
        return mac;
    };
    if (const auto mac = anyMacForm(word))
        return sender(*mac);
    if (const auto mac = table.macOf(word))
        return sender(*mac);
    const bool meantAsMac = word.contains(QLatin1Char(':'));
    return Unexpected(
        MacWordError {meantAsMac ? MacWordError::Code::BadMac : MacWordError::Code::UnknownHost, word.toString()});
}

QStringList splitMacWords(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace aoesan::net
