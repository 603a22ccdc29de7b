// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/DbusTypes.h"

#include <QDBusMetaType>

namespace aoesan::service {

void registerDbusTypes()
{
    static const bool once = [] {
        qDBusRegisterMetaType<ProblemTriple>();
        qDBusRegisterMetaType<InterfaceProperties>();
        qDBusRegisterMetaType<ManagedObjects>();
        return true;
    }();
    (void)once;
}

} // namespace aoesan::service

QDBusArgument &operator<<(QDBusArgument &argument, const aoesan::service::ProblemTriple &p)
{
    argument.beginStructure();
    argument << p.code << p.message << p.fix;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, aoesan::service::ProblemTriple &p)
{
    argument.beginStructure();
    argument >> p.code >> p.message >> p.fix;
    argument.endStructure();
    return argument;
}
