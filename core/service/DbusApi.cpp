// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/DbusApi.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include "service/IntrospectionXml.h" // generated from io.github.aoesan1.xml

namespace aoesan::service {

namespace {

bool plainByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

int hexValue(QChar c)
{
    const char l = c.toLatin1();
    if (l >= '0' && l <= '9')
        return l - '0';
    if (l >= 'a' && l <= 'f')
        return l - 'a' + 10;
    return -1;
}

} // namespace

QString exportPath(const QString &name)
{
    QString element;
    for (const char c : name.toUtf8()) {
        if (plainByte(c))
            element += QLatin1Char(c);
        else
            element += QStringLiteral("_%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
    }
    // An empty name still needs a path element; no valid export has one, but the path must be valid.
    if (element.isEmpty())
        element = QStringLiteral("_");
    return QLatin1String(kExportsPath) + QLatin1Char('/') + element;
}

std::optional<QString> exportNameFromPath(const QString &path)
{
    const QString prefix = QLatin1String(kExportsPath) + QLatin1Char('/');
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QString element = path.mid(prefix.size());
    if (element.isEmpty() || element.contains(QLatin1Char('/')))
        return std::nullopt;
    QByteArray bytes;
    for (qsizetype i = 0; i < element.size(); ++i) {
        const QChar c = element.at(i);
        if (c == QLatin1Char('_')) {
            if (i + 2 >= element.size())
                return std::nullopt;
            const int hi = hexValue(element.at(i + 1));
            const int lo = hexValue(element.at(i + 2));
            if (hi < 0 || lo < 0)
                return std::nullopt;
            bytes += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c.unicode() < 128 && plainByte(c.toLatin1())) {
            bytes += c.toLatin1();
        } else {
            return std::nullopt;
        }
    }
    return QString::fromUtf8(bytes);
}

QString targetPath(std::uint16_t shelf, std::uint8_t slot)
{
    return QStringLiteral("%1/e%2_%3").arg(QLatin1String(kTargetsPath)).arg(shelf).arg(slot);
}

QString capturePath(quint64 number)
{
    return QStringLiteral("%1/%2").arg(QLatin1String(kCapturesPath)).arg(number);
}

std::optional<TargetAddress> targetAddressFromPath(const QString &path)
{
    const QString prefix = QLatin1String(kTargetsPath) + QStringLiteral("/e");
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QStringList parts = path.mid(prefix.size()).split(QLatin1Char('_'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okShelf = false;
    bool okSlot = false;
    const uint shelf = parts[0].toUInt(&okShelf);
    const uint slot = parts[1].toUInt(&okSlot);
    if (!okShelf || !okSlot || shelf > 65534 || slot > 254)
        return std::nullopt;
    return TargetAddress {static_cast<std::uint16_t>(shelf), static_cast<std::uint8_t>(slot)};
}

QString introspectionXml(const QString &interfaceName)
{
    const QString all = QString::fromUtf8(kIntrospectionXml);
    if (interfaceName.isEmpty())
        return all;
    // Copy one <interface> element, comments dropped.
    QXmlStreamReader in(all);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    int depth = 0;
    while (!in.atEnd()) {
        in.readNext();
        if (in.isStartElement() && depth == 0 && in.name() == QLatin1String("interface")
            && in.attributes().value(QLatin1String("name")) == interfaceName)
            depth = 1;
        else if (in.isStartElement() && depth > 0)
            ++depth;
        if (depth == 0)
            continue;
        if (in.isStartElement())
            writer.writeCurrentToken(in);
        else if (in.isEndElement()) {
            writer.writeCurrentToken(in);
            if (--depth == 0)
                break;
        }
    }
    return out;
}

} // namespace aoesan::service
