// SPDX-License-Identifier: GPL-3.0-or-later
// Manager.DiscoveryLimit (a{sv}) to and from discovery::DiscoveryLimit. Its keys are the probe's `limit`
// event fields (discovery/ProbeEvent.h), so the stream and the bus say it with the same words.
#pragma once

#include <QVariant>
#include <QVariantMap>

#include "discovery/DiscoveryLimit.h"

namespace aoesan::service {

QVariantMap discoveryLimitToVariant(const discovery::DiscoveryLimit &limit);
// A map as the bus delivers it (a QVariantMap or a QDBusArgument); missing keys stay at their defaults.
discovery::DiscoveryLimit discoveryLimitFromVariant(const QVariant &value);

} // namespace aoesan::service
