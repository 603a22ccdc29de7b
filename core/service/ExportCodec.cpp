// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/ExportCodec.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/stat.h>

#include "boot/BootConfig.h"
#include "service/DbusApi.h"
#include "supervisor/ExportStatusJson.h"

namespace aoesan::service {

namespace {

struct Key
{
    const char *name;
    QMetaType::Type type;
    const char *dbus; // for the message
};

// The one table of record keys and their D-Bus types (docs/dbus-api.md).
constexpr Key kKeys[] = {
    {"name", QMetaType::QString, "s"},
    {"path", QMetaType::QString, "s"},
    {"shelf", QMetaType::UShort, "q"},
    {"slot", QMetaType::UChar, "y"},
    {"interface", QMetaType::QString, "s"},
    {"readOnly", QMetaType::Bool, "b"},
    {"direct", QMetaType::Bool, "b"},
    {"sync", QMetaType::Bool, "b"},
    {"bufferCount", QMetaType::UShort, "q"},
    {"macs", QMetaType::QStringList, "as"},
    {"offsetSectors", QMetaType::ULongLong, "t"},
    {"lengthSectors", QMetaType::ULongLong, "t"},
    {"configString", QMetaType::QString, "s"},
    {"autostart", QMetaType::Bool, "b"},
    {"wireEdits", QMetaType::QString, "s"},
};

const Key *keyNamed(const QString &name)
{
    for (const auto &k : kKeys) {
        if (name == QLatin1String(k.name))
            return &k;
    }
    return nullptr;
}

} // namespace

QVariantMap recordToVariant(const supervisor::ExportRecord &r)
{
    QStringList macs;
    for (const auto &m : r.macs)
        macs << QString::fromStdString(m.toString());
    QVariantMap map {
        {QStringLiteral("name"), r.name},
        {QStringLiteral("path"), r.path},
        {QStringLiteral("shelf"), QVariant::fromValue<ushort>(r.shelf)},
        {QStringLiteral("slot"), QVariant::fromValue<uchar>(r.slot)},
        {QStringLiteral("interface"), r.interface},
        {QStringLiteral("readOnly"), r.readOnly},
        {QStringLiteral("direct"), r.direct},
        {QStringLiteral("sync"), r.sync},
        {QStringLiteral("bufferCount"), QVariant::fromValue<ushort>(r.bufferCount)},
        {QStringLiteral("macs"), macs},
        {QStringLiteral("offsetSectors"), QVariant::fromValue<qulonglong>(r.offsetSectors)},
        {QStringLiteral("configString"), r.configString},
        {QStringLiteral("autostart"), r.autostart},
        {QStringLiteral("wireEdits"), QString::fromLatin1(engine::wireEditsWord(r.wireEdits))},
    };
    if (r.lengthSectors)
        map.insert(QStringLiteral("lengthSectors"), QVariant::fromValue<qulonglong>(*r.lengthSectors));
    return map;
}

QString errorNameFor(supervisor::RecordError::Code code)
{
    using C = supervisor::RecordError::Code;
    switch (code) {
    case C::BadName:
        return QLatin1String(error::kBadName);
    case C::BadPath:
        return QLatin1String(error::kBadPath);
    case C::BadAddress:
        return QLatin1String(error::kBadAddress);
    case C::BadInterface:
        return QLatin1String(error::kBadInterface);
    case C::BadOption:
        return QLatin1String(error::kBadOption);
    case C::DuplicateName:
        return QLatin1String(error::kExists);
    case C::DuplicateAddress:
        return QLatin1String(error::kAddressTaken);
    case C::BadFormat:
        break;
    }
    return QLatin1String(error::kInvalidArgs);
}

Result<supervisor::ExportRecord, ServiceError> recordFromVariant(const QVariantMap &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        const Key *key = keyNamed(it.key());
        if (!key)
            return Unexpected(ServiceError {QLatin1String(error::kInvalidArgs),
                QStringLiteral("'%1' is not a key of an export record (docs/dbus-api.md lists them)").arg(it.key())});
        if (it.value().metaType().id() != key->type)
            return Unexpected(ServiceError {QLatin1String(error::kInvalidArgs),
                QStringLiteral("'%1' must have the D-Bus type %2, not %3")
                    .arg(it.key(), QLatin1String(key->dbus), QLatin1String(it.value().metaType().name()))});
        const QVariant &v = it.value();
        switch (key->type) {
        case QMetaType::QStringList:
            object.insert(it.key(), QJsonArray::fromStringList(v.toStringList()));
            break;
        case QMetaType::ULongLong:
            // The list keeps numbers as JSON doubles; recordFromJson refuses what does not fit exactly.
            object.insert(it.key(), static_cast<double>(v.toULongLong()));
            break;
        case QMetaType::UShort:
        case QMetaType::UChar:
            object.insert(it.key(), v.toInt());
            break;
        case QMetaType::Bool:
            object.insert(it.key(), v.toBool());
            break;
        default:
            object.insert(it.key(), v.toString());
        }
    }
    auto record = supervisor::recordFromJson(object);
    if (!record)
        return Unexpected(ServiceError {errorNameFor(record.error().code), record.error().message});
    return std::move(record).value();
}

std::optional<ServiceError> checkBackingPath(const QString &path)
{
    const auto bad = [](const QString &message) { return ServiceError {QLatin1String(error::kBadPath), message}; };
    if (!QFileInfo(path).isAbsolute())
        return bad(QStringLiteral("'%1' is not an absolute path; give the whole path of the file or device").arg(path));
    if (path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return bad(QStringLiteral("'%1' contains '..'; give the path without it").arg(path));
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return bad(QStringLiteral("'%1' does not exist (or the service may not see it); create the image file "
                                  "or check the device name")
                       .arg(path));
    if (S_ISDIR(st.st_mode))
        return bad(QStringLiteral("'%1' is a directory; an export serves an image file or a block device").arg(path));
    if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode))
        return bad(QStringLiteral("'%1' is neither a regular file nor a block device (a FIFO, socket or character "
                                  "device cannot be served)")
                       .arg(path));
    return std::nullopt;
}

QString bootOffJson(const supervisor::ExportRecord &r)
{
    const QString root = QStringLiteral("aoe:") + r.address();
    const QJsonObject off {{QLatin1String(boot_key::kState), QStringLiteral("off")},
        {QLatin1String(boot_key::kRootPath), root}, {QLatin1String(boot_key::kScript), boot::ipxeScript(root)}};
    return QString::fromUtf8(QJsonDocument(off).toJson(QJsonDocument::Compact));
}

QVariantMap exportProperties(
    const supervisor::ExportRecord &r, const supervisor::ExportStatus &status, const QString &boot)
{
    return {
        {QStringLiteral("Name"), r.name},
        {QStringLiteral("Address"), r.address()},
        {QStringLiteral("Shelf"), QVariant::fromValue<ushort>(r.shelf)},
        {QStringLiteral("Slot"), QVariant::fromValue<uchar>(r.slot)},
        {QStringLiteral("Interface"), r.interface},
        {QStringLiteral("Path"), r.path},
        {QStringLiteral("Autostart"), r.autostart},
        {QStringLiteral("Record"),
            QString::fromUtf8(QJsonDocument(supervisor::recordToJson(r)).toJson(QJsonDocument::Compact))},
        {QStringLiteral("State"), supervisor::stateName(status.state)},
        {QStringLiteral("Status"),
            QString::fromUtf8(QJsonDocument(supervisor::statusToJson(status)).toJson(QJsonDocument::Compact))},
        {QStringLiteral("Boot"), boot},
    };
}

} // namespace aoesan::service
