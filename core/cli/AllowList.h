// SPDX-License-Identifier: GPL-3.0-or-later
// The allow list of `exports add/set -m`: MACs or host names of /etc/ethers (net/Ethers.h), resolved to MACs when
// the record is made, and the names shown again next to the MACs in `exports list` and `show`.
#pragma once

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

#include "net/Ethers.h"
#include "protocol/MacAddress.h"
#include "util/Result.h"

namespace aoesan::cli {

struct AllowListError
{
    bool usage = true; // a word the person typed (exit 2); false: the host name file could not be read (exit 1)
    std::string message;
};

// "alice,02:00:00:00:00:09" -> MACs. The host name file (net::ethersPath()) is read only when a word is no MAC,
// so that a broken file never stands in the way of a list of MACs.
Result<std::vector<protocol::MacAddress>, AllowListError> resolveAllowList(const QString &text);

// vblade's words with every -m value (also attached, -mVALUE, or after grouped flags, -rm VALUE) resolved to
// MACs, for the engine's own parser to read; the other words unchanged.
Result<QStringList, AllowListError> resolveMacArguments(const QStringList &words);

// The table for showing names: the host name file's, or an empty one when it cannot be read (a list is still
// worth printing without names).
net::EthersTable namesForDisplay();

// "08:00:20:01:02:03 (alice), 02:00:00:00:00:09".
QString describeAllowList(const std::vector<protocol::MacAddress> &macs, const net::EthersTable &names);

} // namespace aoesan::cli
