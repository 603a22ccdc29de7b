// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/ApiSchema.h"

#include <QXmlStreamReader>

#include "service/DbusApi.h"

namespace aoesan::service {

const ApiSchema &ApiSchema::api()
{
    static const ApiSchema schema = parse(introspectionXml());
    return schema;
}

ApiSchema ApiSchema::parse(const QString &xml)
{
    ApiSchema schema;
    QXmlStreamReader in(xml);
    Interface *current = nullptr;
    QString method;
    while (!in.atEnd()) {
        in.readNext();
        if (in.isStartElement()) {
            const auto attr = in.attributes();
            const QString name = attr.value(QLatin1String("name")).toString();
            if (in.name() == QLatin1String("interface")) {
                current = &schema.m_interfaces[name];
            } else if (current && in.name() == QLatin1String("method")) {
                method = name;
                current->in.insert(method, {});
                current->out.insert(method, {});
                current->methodOrder << method;
            } else if (current && in.name() == QLatin1String("arg") && !method.isEmpty()) {
                const bool out = attr.value(QLatin1String("direction")) == QLatin1String("out");
                (out ? current->out : current->in)[method] += attr.value(QLatin1String("type")).toString();
            } else if (current && in.name() == QLatin1String("property")) {
                current->properties.insert(name, attr.value(QLatin1String("type")).toString());
                current->propertyOrder << name;
            }
        } else if (in.isEndElement()) {
            if (in.name() == QLatin1String("interface"))
                current = nullptr;
            else if (in.name() == QLatin1String("method"))
                method.clear();
        }
    }
    if (in.hasError())
        return {};
    return schema;
}

std::optional<QString> ApiSchema::inSignature(const QString &interface, const QString &method) const
{
    const auto it = m_interfaces.constFind(interface);
    if (it == m_interfaces.cend() || !it->in.contains(method))
        return std::nullopt;
    return it->in.value(method);
}

std::optional<QString> ApiSchema::outSignature(const QString &interface, const QString &method) const
{
    const auto it = m_interfaces.constFind(interface);
    if (it == m_interfaces.cend() || !it->out.contains(method))
        return std::nullopt;
    return it->out.value(method);
}

std::optional<QString> ApiSchema::propertyType(const QString &interface, const QString &property) const
{
    const auto it = m_interfaces.constFind(interface);
    if (it == m_interfaces.cend() || !it->properties.contains(property))
        return std::nullopt;
    return it->properties.value(property);
}

QStringList ApiSchema::properties(const QString &interface) const
{
    return m_interfaces.value(interface).propertyOrder;
}

QStringList ApiSchema::methods(const QString &interface) const
{
    return m_interfaces.value(interface).methodOrder;
}

} // namespace aoesan::service
