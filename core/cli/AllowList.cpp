// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/AllowList.h"

#include <algorithm>

namespace aoesan::cli {

Result<std::vector<protocol::MacAddress>, AllowListError> resolveAllowList(const QString &text)
{
    const QString path = net::ethersPath();
    std::optional<net::EthersTable> table;
    std::vector<protocol::MacAddress> macs;
    for (const QString &word : net::splitMacWords(text)) {
        auto resolved = net::resolveMacWord(word, net::EthersTable());
        if (!resolved && resolved.error().code == net::MacWordError::Code::UnknownHost) {
            if (!table) {
                auto read = net::readEthers(path);
                if (!read)
                    return Unexpected(AllowListError {
                        false, "cannot look up '" + word.toStdString() + "': " + read.error().toStdString()});
                table = std::move(read).value();
            }
            resolved = net::resolveMacWord(word, *table);
        }
        if (!resolved) {
            if (resolved.error().code == net::MacWordError::Code::NoSender)
                return Unexpected(AllowListError {true,
                    "'" + word.toStdString()
                        + "' is no machine's address (all zeros, broadcast or multicast): no initiator sends from "
                          "it"});
            if (resolved.error().code == net::MacWordError::Code::BadMac)
                return Unexpected(AllowListError {true,
                    "'" + word.toStdString()
                        + "' is not a MAC address (six hex numbers joined by ':', e.g. 02:00:00:00:00:01)"});
            return Unexpected(AllowListError {true,
                "'" + word.toStdString() + "' is neither a MAC address nor a host name in " + path.toStdString()
                    + (table && !table->problems().empty()
                            ? " (which has lines aoesan cannot read: " + table->problems().front().message.toStdString()
                                + (table->problems().size() > 1 ? ", ..." : "") + ")"
                            : std::string())});
        }
        if (std::find(macs.begin(), macs.end(), resolved.value()) == macs.end())
            macs.push_back(resolved.value());
    }
    return macs;
}

Result<QStringList, AllowListError> resolveMacArguments(const QStringList &words)
{
    QStringList out = words;
    // The engine's grammar (engine/ServeOptions.cpp): short flags may be grouped; -b, -m, -o and -l take the rest
    // of the word or the next word.
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QString a = out.at(i); // a copy: the value in it may be replaced below
        if (a.size() < 2 || a.at(0) != QLatin1Char('-') || a.at(1) == QLatin1Char('-'))
            continue;
        for (qsizetype c = 1; c < a.size(); ++c) {
            const QChar flag = a.at(c);
            if (flag != QLatin1Char('b') && flag != QLatin1Char('m') && flag != QLatin1Char('o')
                && flag != QLatin1Char('l'))
                continue;
            const bool attached = c + 1 < a.size();
            if (!attached && i + 1 >= out.size())
                break; // the engine's parser says what is missing
            const qsizetype valueAt = attached ? i : i + 1;
            if (flag == QLatin1Char('m')) {
                const QString value = attached ? a.mid(c + 1) : out.at(i + 1);
                const auto macs = resolveAllowList(value);
                if (!macs)
                    return Unexpected(macs.error());
                QStringList texts;
                for (const auto &mac : macs.value())
                    texts << QString::fromStdString(mac.toString());
                const QString joined = texts.join(QLatin1Char(','));
                out[valueAt] = attached ? a.left(c + 1) + joined : joined;
            }
            i = valueAt;
            break;
        }
    }
    return out;
}

net::EthersTable namesForDisplay()
{
    auto table = net::readEthers(net::ethersPath());
    return table ? std::move(table).value() : net::EthersTable();
}

QString describeAllowList(const std::vector<protocol::MacAddress> &macs, const net::EthersTable &names)
{
    QStringList parts;
    for (const auto &mac : macs)
        parts << names.describe(mac);
    return parts.join(QStringLiteral(", "));
}

} // namespace aoesan::cli
