// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/DiscoveryLimitCodec.h"

#include <QDBusArgument>
#include <QDBusMetaType>

#include "discovery/ProbeEvent.h"

namespace aoesan::service {

using namespace discovery::probe;

QVariantMap discoveryLimitToVariant(const discovery::DiscoveryLimit &limit)
{
    return {
        {field::kReached, limit.reached},
        {field::kMaxTargets, QVariant::fromValue<uint>(limit.maxTargets)},
        {field::kMaxPaths, QVariant::fromValue<uint>(limit.maxPaths)},
        {field::kRefusedTargets, QVariant::fromValue<qulonglong>(limit.refusedTargets)},
        {field::kRefusedPaths, QVariant::fromValue<qulonglong>(limit.refusedPaths)},
    };
}

discovery::DiscoveryLimit discoveryLimitFromVariant(const QVariant &value)
{
    const QVariantMap map = value.metaType() == QMetaType::fromType<QDBusArgument>()
        ? qdbus_cast<QVariantMap>(value.value<QDBusArgument>())
        : value.toMap();
    discovery::DiscoveryLimit limit;
    limit.reached = map.value(field::kReached).toBool();
    limit.maxTargets = map.value(field::kMaxTargets).toUInt();
    limit.maxPaths = map.value(field::kMaxPaths).toUInt();
    limit.refusedTargets = map.value(field::kRefusedTargets).toULongLong();
    limit.refusedPaths = map.value(field::kRefusedPaths).toULongLong();
    return limit;
}

} // namespace aoesan::service
