// SPDX-License-Identifier: GPL-3.0-or-later
// The container types of the ObjectManager and Properties signals, registered with QtDBus once.
#pragma once

#include <QDBusArgument>
#include <QDBusObjectPath>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace aoesan::service {

using InterfaceProperties = QMap<QString, QVariantMap>; // a{sa{sv}}
using ManagedObjects = QMap<QDBusObjectPath, InterfaceProperties>; // a{oa{sa{sv}}}

// (sss): DiscoveryProblem.
struct ProblemTriple
{
    QString code;
    QString message;
    QString fix;
};

void registerDbusTypes();

} // namespace aoesan::service

Q_DECLARE_METATYPE(aoesan::service::ProblemTriple)
Q_DECLARE_METATYPE(aoesan::service::InterfaceProperties)
Q_DECLARE_METATYPE(aoesan::service::ManagedObjects)

QDBusArgument &operator<<(QDBusArgument &argument, const aoesan::service::ProblemTriple &p);
const QDBusArgument &operator>>(const QDBusArgument &argument, aoesan::service::ProblemTriple &p);
