// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/ProbeRequest.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <utility>

#include "protocol/Constants.h"

namespace aoesan::discovery {

namespace {

using Kind = ProbeRequest::Kind;

constexpr std::array<std::pair<Kind, const char *>, 9> kWords {{
    {Kind::Probe, "probe"},
    {Kind::ForgetDown, "forget-down"},
    {Kind::Identify, "identify"},
    {Kind::ConfigRead, "config"},
    {Kind::ConfigSet, "config-set"},
    {Kind::MaskRead, "mask"},
    {Kind::MaskEdit, "mask-edit"},
    {Kind::ReserveRead, "reserve"},
    {Kind::ReserveSet, "reserve-set"},
}};

constexpr std::size_t kMaxConfigBytes = 1024;
constexpr std::size_t kMaxListEntries = 255; // one byte counts them on the wire
const QString kAllowLockout = QStringLiteral("--allow-lockout");
const QString kOverride = QStringLiteral("--override");

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Strict RFC 3986 percent-decoding: a stray '%' or a reserved character is an error, not a guess.
std::optional<std::string> percentDecode(const QByteArray &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size() || !isHex(text[i + 1]) || !isHex(text[i + 2]))
                return std::nullopt;
            i += 2;
        } else if (!isUnreserved(c)) {
            return std::nullopt;
        }
    }
    return QByteArray::fromPercentEncoding(text).toStdString();
}

QJsonArray macArray(const std::vector<protocol::MacAddress> &macs)
{
    QJsonArray list;
    for (const auto &m : macs)
        list.append(QString::fromStdString(m.toString()));
    return list;
}

std::optional<std::vector<protocol::MacAddress>> macsFrom(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    std::vector<protocol::MacAddress> macs;
    for (const QJsonValue &v : value.toArray()) {
        const auto mac = protocol::MacAddress::fromString(v.toString().toStdString());
        if (!mac)
            return std::nullopt;
        macs.push_back(*mac);
    }
    return macs;
}

std::optional<std::uint32_t> idFrom(const QJsonObject &o)
{
    const QJsonValue v = o.value(QLatin1String("id"));
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d < 0 || d > 4294967295.0 || d != static_cast<double>(static_cast<std::uint32_t>(d)))
        return std::nullopt;
    return static_cast<std::uint32_t>(d);
}

std::optional<protocol::MacAddress> macFrom(const QJsonObject &o, const char *key)
{
    return protocol::MacAddress::fromString(o.value(QLatin1String(key)).toString().toStdString());
}

} // namespace

const char *requestWord(Kind kind)
{
    for (const auto &[k, word] : kWords) {
        if (k == kind)
            return word;
    }
    return "";
}

std::optional<Kind> requestKind(QStringView word)
{
    for (const auto &[k, w] : kWords) {
        if (word == QLatin1String(w))
            return k;
    }
    return std::nullopt;
}

std::optional<TargetId> parseDeviceName(QStringView text)
{
    if (text.startsWith(QLatin1Char('e')))
        text = text.mid(1);
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == text.size() - 1)
        return std::nullopt;
    const auto digits = [](QStringView part) {
        return part.size() <= 5 && std::all_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); });
    };
    const QStringView shelfText = text.left(dot);
    const QStringView slotText = text.mid(dot + 1);
    if (!digits(shelfText) || !digits(slotText))
        return std::nullopt;
    const int shelf = shelfText.toInt();
    const int slot = slotText.toInt();
    if (shelf > 65534 || slot > 254)
        return std::nullopt;
    return TargetId {static_cast<std::uint16_t>(shelf), static_cast<std::uint8_t>(slot)};
}

Result<ProbeRequest, RequestParseError> parseProbeRequest(const QByteArray &line)
{
    const QString text = QString::fromUtf8(line).trimmed();
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    RequestParseError error;
    const auto fail = [&error](QString message) {
        error.message = std::move(message);
        return Unexpected(error);
    };
    if (words.isEmpty())
        return fail(QStringLiteral("an empty line"));
    const auto kind = requestKind(words.first());
    if (!kind)
        return fail(QStringLiteral("unknown command '%1'").arg(words.first().left(40)));
    error.request = words.first();
    ProbeRequest request;
    request.kind = *kind;
    if (!request.perTarget()) {
        if (words.size() != 1)
            return fail(QStringLiteral("%1 takes no arguments").arg(words.first()));
        return request;
    }
    if (words.size() < 2)
        return fail(QStringLiteral("%1 needs a request id and a target").arg(words.first()));
    bool ok = false;
    const qulonglong id = words[1].toULongLong(&ok);
    if (!ok || id == 0 || id > 0xFFFFFFFFull
        || !std::all_of(words[1].begin(), words[1].end(), [](QChar c) { return c.isDigit(); }))
        return fail(QStringLiteral("'%1' is not a request id (1 to 4294967295)").arg(words[1].left(40)));
    request.id = static_cast<std::uint32_t>(id);
    error.id = request.id;
    if (words.size() < 3)
        return fail(QStringLiteral("%1 needs a target (e.g. e7.3)").arg(words.first()));
    const auto target = parseDeviceName(words[2]);
    if (!target)
        return fail(QStringLiteral("'%1' is not a target (SHELF.SLOT, e.g. e7.3)").arg(words[2].left(40)));
    request.target = *target;
    const QStringList rest = words.mid(3);

    switch (request.kind) {
    case Kind::Identify:
    case Kind::ConfigRead:
    case Kind::MaskRead:
    case Kind::ReserveRead:
        if (!rest.isEmpty())
            return fail(QStringLiteral("%1 takes only a request id and a target").arg(words.first()));
        return request;
    case Kind::ConfigSet: {
        if (rest.size() > 1)
            return fail(QStringLiteral("config-set takes one percent-encoded text"));
        if (rest.isEmpty())
            return request;
        const auto decoded = percentDecode(rest.first().toLatin1());
        if (!decoded || rest.first().toLatin1() != rest.first().toUtf8())
            return fail(QStringLiteral("the config text is not percent-encoded"));
        if (decoded->size() > kMaxConfigBytes)
            return fail(QStringLiteral("a config string has at most 1024 bytes"));
        request.configString = *decoded;
        return request;
    }
    case Kind::MaskEdit:
    case Kind::ReserveSet:
        for (const QString &word : rest) {
            if (word == kAllowLockout) {
                request.allowLockout = true;
                continue;
            }
            if (word == kOverride && request.kind == Kind::ReserveSet) {
                request.override = true;
                continue;
            }
            if (word.startsWith(QLatin1String("--")))
                return fail(QStringLiteral("unknown option '%1'").arg(word.left(40)));
            if (request.kind == Kind::MaskEdit) {
                const bool add = word.startsWith(QLatin1Char('+'));
                const auto mac = (add || word.startsWith(QLatin1Char('-')))
                    ? protocol::MacAddress::fromString(word.mid(1).toStdString())
                    : std::nullopt;
                if (!mac)
                    return fail(QStringLiteral("'%1' is not +MAC or -MAC").arg(word.left(40)));
                const auto dcmd = add ? protocol::DirectiveCommand::Add : protocol::DirectiveCommand::Delete;
                request.directives.push_back({static_cast<std::uint8_t>(dcmd), *mac});
            } else {
                const auto mac = protocol::MacAddress::fromString(word.toStdString());
                if (!mac)
                    return fail(QStringLiteral("'%1' is not a MAC address").arg(word.left(40)));
                request.macs.push_back(*mac);
            }
        }
        if (request.kind == Kind::MaskEdit && request.directives.empty())
            return fail(QStringLiteral("mask-edit needs at least one +MAC or -MAC"));
        if (request.directives.size() > kMaxListEntries || request.macs.size() > kMaxListEntries)
            return fail(QStringLiteral("at most 255 MAC addresses"));
        return request;
    case Kind::Probe:
    case Kind::ForgetDown:
        break;
    }
    return request;
}

QByteArray formatProbeRequest(const ProbeRequest &request)
{
    QByteArray line = requestWord(request.kind);
    if (!request.perTarget())
        return line;
    line += ' ' + QByteArray::number(request.id) + ' ' + QByteArray::fromStdString(request.target.deviceName());
    switch (request.kind) {
    case Kind::ConfigSet:
        if (!request.configString.empty())
            line += ' ' + QByteArray::fromStdString(request.configString).toPercentEncoding();
        break;
    case Kind::MaskEdit:
    case Kind::ReserveSet:
        if (request.allowLockout)
            line += ' ' + kAllowLockout.toLatin1();
        if (request.override && request.kind == Kind::ReserveSet)
            line += ' ' + kOverride.toLatin1();
        for (const auto &d : request.directives) {
            const bool add = d.dcmd == static_cast<std::uint8_t>(protocol::DirectiveCommand::Add);
            line += (add ? " +" : " -") + QByteArray::fromStdString(d.mac.toString());
        }
        for (const auto &m : request.macs)
            line += ' ' + QByteArray::fromStdString(m.toString());
        break;
    default:
        break;
    }
    return line;
}

QJsonObject replyToJson(const RequestReply &reply)
{
    QJsonObject o {{QStringLiteral("event"), QStringLiteral("reply")}, {QStringLiteral("id"), double(reply.id)},
        {QStringLiteral("request"), QString::fromLatin1(requestWord(reply.kind))},
        {QStringLiteral("device"), QString::fromStdString(reply.target.deviceName())},
        {QStringLiteral("interface"), reply.interface},
        {QStringLiteral("mac"), QString::fromStdString(reply.targetMac.toString())},
        {QStringLiteral("ownMac"), QString::fromStdString(reply.ownMac.toString())}};
    if (reply.identify) {
        const auto &i = *reply.identify;
        o.insert(QStringLiteral("identify"),
            QJsonObject {{QStringLiteral("model"), QString::fromStdString(i.model)},
                {QStringLiteral("serial"), QString::fromStdString(i.serial)},
                {QStringLiteral("firmware"), QString::fromStdString(i.firmware)},
                {QStringLiteral("sectors"), static_cast<double>(i.sectors)}, {QStringLiteral("lba48"), i.lba48}});
    }
    if (reply.configString)
        o.insert(QStringLiteral("configString"), QString::fromStdString(*reply.configString));
    if (reply.macs)
        o.insert(QStringLiteral("macs"), macArray(*reply.macs));
    return o;
}

QJsonObject requestFailureToJson(const RequestFailure &failure)
{
    QJsonObject o {{QStringLiteral("event"), QStringLiteral("request-error")},
        {QStringLiteral("id"), double(failure.id)}, {QStringLiteral("code"), failure.code},
        {QStringLiteral("message"), failure.message}};
    if (failure.kind)
        o.insert(QStringLiteral("request"), QString::fromLatin1(requestWord(*failure.kind)));
    if (failure.target)
        o.insert(QStringLiteral("device"), QString::fromStdString(failure.target->deviceName()));
    if (!failure.macs.empty())
        o.insert(QStringLiteral("macs"), macArray(failure.macs));
    if (failure.ownMac)
        o.insert(QStringLiteral("ownMac"), QString::fromStdString(failure.ownMac->toString()));
    return o;
}

Result<RequestReply, QString> replyFromJson(const QJsonObject &o)
{
    RequestReply reply;
    const auto id = idFrom(o);
    if (!id || *id == 0)
        return Unexpected(QStringLiteral("a reply without a request id"));
    reply.id = *id;
    const auto kind = requestKind(o.value(QLatin1String("request")).toString());
    if (!kind)
        return Unexpected(QStringLiteral("a reply to an unknown request"));
    reply.kind = *kind;
    const auto target = parseDeviceName(o.value(QLatin1String("device")).toString());
    if (!target)
        return Unexpected(QStringLiteral("a reply without a device"));
    reply.target = *target;
    reply.interface = o.value(QLatin1String("interface")).toString();
    reply.targetMac = macFrom(o, "mac").value_or(protocol::MacAddress());
    reply.ownMac = macFrom(o, "ownMac").value_or(protocol::MacAddress());
    if (const QJsonValue v = o.value(QLatin1String("identify")); v.isObject()) {
        const QJsonObject i = v.toObject();
        const double sectors = i.value(QLatin1String("sectors")).toDouble();
        reply.identify = IdentifySummary {i.value(QLatin1String("model")).toString().toStdString(),
            i.value(QLatin1String("serial")).toString().toStdString(),
            i.value(QLatin1String("firmware")).toString().toStdString(),
            sectors > 0 && sectors < 1.8e19 ? static_cast<std::uint64_t>(sectors) : 0,
            i.value(QLatin1String("lba48")).toBool()};
    }
    if (const QJsonValue v = o.value(QLatin1String("configString")); v.isString())
        reply.configString = v.toString().toStdString();
    if (o.contains(QLatin1String("macs"))) {
        reply.macs = macsFrom(o.value(QLatin1String("macs")));
        if (!reply.macs)
            return Unexpected(QStringLiteral("a reply whose macs are not a list of MAC addresses"));
    }
    return reply;
}

Result<RequestFailure, QString> requestFailureFromJson(const QJsonObject &o)
{
    RequestFailure failure;
    const auto id = idFrom(o);
    if (!id)
        return Unexpected(QStringLiteral("a request-error without an id"));
    failure.id = *id;
    failure.code = o.value(QLatin1String("code")).toString();
    if (failure.code.isEmpty())
        return Unexpected(QStringLiteral("a request-error without a code"));
    failure.message = o.value(QLatin1String("message")).toString();
    failure.kind = requestKind(o.value(QLatin1String("request")).toString());
    failure.target = parseDeviceName(o.value(QLatin1String("device")).toString());
    if (o.contains(QLatin1String("macs"))) {
        auto macs = macsFrom(o.value(QLatin1String("macs")));
        if (!macs)
            return Unexpected(QStringLiteral("a request-error whose macs are not a list of MAC addresses"));
        failure.macs = std::move(*macs);
    }
    failure.ownMac = macFrom(o, "ownMac");
    return failure;
}

} // namespace aoesan::discovery
