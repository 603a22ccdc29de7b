// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisor/ExportRecord.h"

#include <QJsonArray>
#include <QRegularExpression>

#include "net/NetworkInterfaces.h"

namespace aoesan::supervisor {

namespace {

// JSON numbers are doubles: beyond 2^53 a sector count would silently round.
constexpr double kMaxJsonInteger = 9007199254740992.0;

RecordError fail(RecordError::Code code, const QString &message)
{
    return RecordError {code, message};
}

// A name as a message can show it: control characters as \xNN, so that a message never moves the cursor.
QString printable(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Control)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString macText(const protocol::MacAddress &mac)
{
    return QString::fromStdString(mac.toString());
}

// Reads an integer field in [0, max]; a missing field gives `fallback`.
Result<double, RecordError> integerField(const QJsonObject &o, const QString &key, double max, double fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d > max || d != static_cast<double>(static_cast<std::uint64_t>(d)))
        return Unexpected(fail(RecordError::Code::BadFormat,
            QStringLiteral("'%1' must be a whole number from 0 to %2").arg(key).arg(qint64(max))));
    return d;
}

Result<bool, RecordError> boolField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return false;
    if (!v.isBool())
        return Unexpected(fail(RecordError::Code::BadFormat, QStringLiteral("'%1' must be true or false").arg(key)));
    return v.toBool();
}

Result<QString, RecordError> stringField(const QJsonObject &o, const QString &key, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && !required)
        return QString();
    if (!v.isString())
        return Unexpected(fail(RecordError::Code::BadFormat, QStringLiteral("'%1' must be a string").arg(key)));
    return v.toString();
}

} // namespace

QString ExportRecord::address() const
{
    return QStringLiteral("e%1.%2").arg(shelf).arg(slot);
}

std::optional<RecordError> validateRecord(const ExportRecord &r)
{
    // The kernel's rules (dev_valid_name), counted in bytes: IFNAMSIZ is 16 including the terminating zero.
    // First: a name aoesan-ctl makes up from the address and the interface would otherwise be blamed.
    if (!net::isInterfaceName(r.interface.toStdString()))
        return fail(RecordError::Code::BadInterface,
            QStringLiteral("export '%1': '%2' is not a network interface name: it must be 1 to 15 bytes without '/', "
                           "':', spaces or control characters (see `ip link`)")
                .arg(printable(r.name), printable(r.interface)));
    // Names become systemd instance names, file names and command-line words: keep them plain.
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]*$"));
    if (r.name.isEmpty() || r.name.size() > kMaxNameLength || !namePattern.match(r.name).hasMatch())
        return fail(RecordError::Code::BadName,
            QStringLiteral("the name '%1' must be 1 to %2 letters, digits, '.', '_' or '-', "
                           "and not start with '.' or '-'")
                .arg(printable(r.name))
                .arg(kMaxNameLength));
    if (r.path.isEmpty() || !r.path.startsWith(QLatin1Char('/')))
        return fail(RecordError::Code::BadPath,
            QStringLiteral("export '%1': the file or device '%2' must be an absolute path").arg(r.name, r.path));
    if (r.shelf > kMaxShelf)
        return fail(RecordError::Code::BadAddress,
            QStringLiteral("export '%1': shelf %2 is out of range; use 0 to 65534 (65535 means every shelf)")
                .arg(r.name)
                .arg(r.shelf));
    if (r.slot > kMaxSlot)
        return fail(RecordError::Code::BadAddress,
            QStringLiteral("export '%1': slot %2 is out of range; use 0 to 254 (255 means every slot)")
                .arg(r.name)
                .arg(r.slot));
    if (r.bufferCount < 2)
        return fail(RecordError::Code::BadOption,
            QStringLiteral("export '%1': the buffer count must be at least 2 (the Linux initiator needs 2)")
                .arg(r.name));
    if (r.macs.size() > kMaxMacs)
        return fail(RecordError::Code::BadOption,
            QStringLiteral("export '%1': at most %2 MAC addresses may be listed").arg(r.name).arg(kMaxMacs));
    // Multicast addresses can never be an initiator's source, but vblade takes them (Debian's own
    // example uses 11:22:33:44:55:66), so only the two that are certainly mistakes are refused.
    for (const auto &mac : r.macs) {
        if (mac.isZero() || mac.isBroadcast())
            return fail(RecordError::Code::BadOption,
                QStringLiteral("export '%1': %2 is not the address of one initiator").arg(r.name, macText(mac)));
    }
    if (r.lengthSectors && *r.lengthSectors == 0)
        return fail(RecordError::Code::BadOption,
            QStringLiteral("export '%1': the length must be at least one sector").arg(r.name));
    if (static_cast<double>(r.offsetSectors) > kMaxJsonInteger
        || (r.lengthSectors && static_cast<double>(*r.lengthSectors) > kMaxJsonInteger))
        return fail(
            RecordError::Code::BadOption, QStringLiteral("export '%1': offset or length is too large").arg(r.name));
    if (r.configString.toUtf8().size() > kMaxConfigStringBytes)
        return fail(RecordError::Code::BadOption,
            QStringLiteral("export '%1': the config string is longer than %2 bytes")
                .arg(r.name)
                .arg(kMaxConfigStringBytes));
    return std::nullopt;
}

std::optional<RecordError> validateAgainst(const ExportRecord &record, const std::vector<ExportRecord> &others)
{
    if (auto own = validateRecord(record))
        return own;
    for (const auto &other : others) {
        if (other.name == record.name)
            return fail(RecordError::Code::DuplicateName,
                QStringLiteral("there is already an export named '%1'").arg(record.name));
        if (other.shelf == record.shelf && other.slot == record.slot && other.interface == record.interface)
            return fail(RecordError::Code::DuplicateAddress,
                QStringLiteral("export '%1' already uses %2 on %3; choose another shelf or slot")
                    .arg(other.name, record.address(), record.interface));
    }
    return std::nullopt;
}

QJsonObject recordToJson(const ExportRecord &r)
{
    QJsonArray macs;
    for (const auto &mac : r.macs)
        macs.append(macText(mac));
    QJsonObject o {
        {QStringLiteral("name"), r.name},
        {QStringLiteral("path"), r.path},
        {QStringLiteral("shelf"), int(r.shelf)},
        {QStringLiteral("slot"), int(r.slot)},
        {QStringLiteral("interface"), r.interface},
        {QStringLiteral("readOnly"), r.readOnly},
        {QStringLiteral("direct"), r.direct},
        {QStringLiteral("sync"), r.sync},
        {QStringLiteral("bufferCount"), int(r.bufferCount)},
        {QStringLiteral("macs"), macs},
        {QStringLiteral("offsetSectors"), static_cast<double>(r.offsetSectors)},
        {QStringLiteral("configString"), r.configString},
        {QStringLiteral("autostart"), r.autostart},
        {QStringLiteral("wireEdits"), QString::fromLatin1(engine::wireEditsWord(r.wireEdits))},
    };
    o.insert(QStringLiteral("lengthSectors"),
        r.lengthSectors ? QJsonValue(static_cast<double>(*r.lengthSectors)) : QJsonValue(QJsonValue::Null));
    return o;
}

Result<ExportRecord, RecordError> recordFromJson(const QJsonObject &o)
{
    ExportRecord r;
    auto name = stringField(o, QStringLiteral("name"), true);
    if (!name)
        return Unexpected(name.error());
    r.name = name.value();
    // Field errors name the record, so a person knows which one to fix in a long list.
    const auto named = [&r](RecordError e) {
        e.message = QStringLiteral("export '%1': %2").arg(r.name, e.message);
        return Unexpected(std::move(e));
    };
    auto path = stringField(o, QStringLiteral("path"), true);
    auto interface = stringField(o, QStringLiteral("interface"), true);
    auto config = stringField(o, QStringLiteral("configString"), false);
    for (const auto *s : {&path, &interface, &config}) {
        if (!*s)
            return named(s->error());
    }
    r.path = path.value();
    r.interface = interface.value();
    r.configString = config.value();

    // Absent in lists written before the setting existed: those exports get the default.
    const QJsonValue edits = o.value(QStringLiteral("wireEdits"));
    if (!edits.isUndefined()) {
        const auto mode = edits.isString() ? engine::wireEditsFromWord(edits.toString().toStdString()) : std::nullopt;
        if (!mode)
            return named(fail(RecordError::Code::BadOption,
                QStringLiteral("'wireEdits' must be \"forget\", \"keep\" or \"refuse\", not '%1'")
                    .arg(edits.toVariant().toString())));
        r.wireEdits = *mode;
    }

    auto shelf = integerField(o, QStringLiteral("shelf"), kMaxJsonInteger, -1);
    auto slot = integerField(o, QStringLiteral("slot"), kMaxJsonInteger, -1);
    auto buffers = integerField(o, QStringLiteral("bufferCount"), 65535, 16);
    auto offset = integerField(o, QStringLiteral("offsetSectors"), kMaxJsonInteger, 0);
    auto length = integerField(o, QStringLiteral("lengthSectors"), kMaxJsonInteger, -1);
    for (const auto *n : {&shelf, &slot, &buffers, &offset, &length}) {
        if (!*n)
            return named(n->error());
    }
    if (shelf.value() < 0 || slot.value() < 0)
        return named(fail(RecordError::Code::BadFormat, QStringLiteral("'shelf' and 'slot' are required")));
    if (shelf.value() > kMaxShelf || slot.value() > kMaxSlot)
        return named(fail(RecordError::Code::BadAddress,
            QStringLiteral("e%1.%2 is out of range; shelf must be 0 to 65534 and slot 0 to 254")
                .arg(qint64(shelf.value()))
                .arg(qint64(slot.value()))));
    r.shelf = static_cast<std::uint16_t>(shelf.value());
    r.slot = static_cast<std::uint8_t>(slot.value());
    r.bufferCount = static_cast<std::uint16_t>(buffers.value());
    r.offsetSectors = static_cast<std::uint64_t>(offset.value());
    if (length.value() >= 0)
        r.lengthSectors = static_cast<std::uint64_t>(length.value());

    auto readOnly = boolField(o, QStringLiteral("readOnly"));
    auto direct = boolField(o, QStringLiteral("direct"));
    auto sync = boolField(o, QStringLiteral("sync"));
    auto autostart = boolField(o, QStringLiteral("autostart"));
    for (const auto *b : {&readOnly, &direct, &sync, &autostart}) {
        if (!*b)
            return named(b->error());
    }
    r.readOnly = readOnly.value();
    r.direct = direct.value();
    r.sync = sync.value();
    r.autostart = autostart.value();

    const QJsonValue macs = o.value(QStringLiteral("macs"));
    if (!macs.isUndefined() && !macs.isArray())
        return named(fail(RecordError::Code::BadFormat, QStringLiteral("'macs' must be a list of MAC addresses")));
    for (const auto &item : macs.toArray()) {
        const auto mac = protocol::MacAddress::fromString(item.toString().toStdString());
        if (!item.isString() || !mac)
            return named(fail(RecordError::Code::BadOption,
                QStringLiteral("'%1' is not a MAC address").arg(item.toVariant().toString())));
        r.macs.push_back(*mac);
    }
    if (auto invalid = validateRecord(r))
        return Unexpected(*invalid);
    return r;
}

QStringList engineArguments(const ExportRecord &r, const QString &stateFile)
{
    QStringList args {QStringLiteral("serve"), QStringLiteral("--events")};
    if (r.bufferCount != 16)
        args << QStringLiteral("-b") << QString::number(r.bufferCount);
    if (r.direct)
        args << QStringLiteral("-d");
    if (r.sync)
        args << QStringLiteral("-s");
    if (r.readOnly)
        args << QStringLiteral("-r");
    if (!r.macs.empty()) {
        QStringList macs;
        for (const auto &mac : r.macs)
            macs << macText(mac);
        args << QStringLiteral("-m") << macs.join(QLatin1Char(','));
    }
    if (r.offsetSectors != 0)
        args << QStringLiteral("-o") << QString::number(r.offsetSectors);
    if (r.lengthSectors)
        args << QStringLiteral("-l") << QString::number(*r.lengthSectors);
    if (r.wireEdits != engine::WireEdits::Forget)
        args << QStringLiteral("--wire-edits") << QString::fromLatin1(engine::wireEditsWord(r.wireEdits));
    if (!stateFile.isEmpty())
        args << QStringLiteral("--state-file") << stateFile;
    args << QString::number(r.shelf) << QString::number(r.slot) << r.interface << r.path;
    return args;
}

QString describeRecord(const ExportRecord &r)
{
    QStringList options;
    if (r.readOnly)
        options << QStringLiteral("read-only");
    if (r.direct)
        options << QStringLiteral("direct");
    if (r.sync)
        options << QStringLiteral("sync");
    if (!r.macs.empty())
        options << QStringLiteral("%1 allowed MAC(s)").arg(r.macs.size());
    if (r.wireEdits == engine::WireEdits::Keep)
        options << QStringLiteral("keeps mask edits from the network");
    else if (r.wireEdits == engine::WireEdits::Refuse)
        options << QStringLiteral("refuses mask edits from the network");
    if (r.offsetSectors != 0 || r.lengthSectors)
        options << QStringLiteral("sectors %1+%2")
                       .arg(r.offsetSectors)
                       .arg(r.lengthSectors ? QString::number(*r.lengthSectors) : QStringLiteral("rest"));
    if (r.autostart)
        options << QStringLiteral("autostart");
    QString text = QStringLiteral("%1 on %2 from %3").arg(r.address(), r.interface, r.path);
    if (!options.isEmpty())
        text += QStringLiteral(" (%1)").arg(options.join(QStringLiteral(", ")));
    return text;
}

} // namespace aoesan::supervisor
