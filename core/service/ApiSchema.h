// SPDX-License-Identifier: GPL-3.0-or-later
// What io.github.aoesan1.xml declares, read once from the compiled-in XML: the input signature of each
// method and the type of each property. The service checks every call against it, so a client that
// sends the wrong types gets InvalidArgs before any code looks at the arguments.
#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace aoesan::service {

class ApiSchema
{
public:
    // The schema of the compiled-in API.
    static const ApiSchema &api();
    // Parses an introspection document; an empty schema when it is not one.
    static ApiSchema parse(const QString &xml);

    bool hasInterface(const QString &interface) const { return m_interfaces.contains(interface); }
    // The concatenated "in" argument types ("a{sv}a{sv}"); nullopt for an unknown method.
    std::optional<QString> inSignature(const QString &interface, const QString &method) const;
    std::optional<QString> outSignature(const QString &interface, const QString &method) const;
    // A property's type ("s", "(sss)"); nullopt for an unknown one.
    std::optional<QString> propertyType(const QString &interface, const QString &property) const;
    QStringList properties(const QString &interface) const;
    QStringList methods(const QString &interface) const;

private:
    struct Interface
    {
        QHash<QString, QString> in;
        QHash<QString, QString> out;
        QHash<QString, QString> properties;
        QStringList propertyOrder;
        QStringList methodOrder;
    };
    QHash<QString, Interface> m_interfaces;
};

} // namespace aoesan::service
