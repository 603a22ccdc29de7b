// SPDX-License-Identifier: GPL-3.0-or-later
#include "boot/BootEvents.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

#include "util/WriteFileAtomically.h"

namespace aoesan::boot {

namespace {

constexpr qint64 kMaxRequestBytes = 64 * 1024;

// The event and client kinds as words in the file.
constexpr const char *kKindWords[] = {"started", "client", "failed"};
constexpr const char *kClientWords[] = {"address", "proxy-boot", "ignored", "tftp-sent", "tftp-failed"};

template<typename E, std::size_t N> std::optional<E> kindFromWord(const QString &word, const char *const (&words)[N])
{
    for (std::size_t i = 0; i < N; ++i)
        if (word == QLatin1String(words[i]))
            return static_cast<E>(i);
    return std::nullopt;
}

} // namespace

Result<BootServerOptions, QString> optionsFor(const BootRequest &r)
{
    return makeBootOptions(r.interface, r.rootPath, r.range, r.proxy, r.macs);
}

QByteArray encodeBootRequest(const BootRequest &r)
{
    const QJsonObject o {{QStringLiteral("interface"), r.interface}, {QStringLiteral("rootPath"), r.rootPath},
        {QStringLiteral("range"), r.range}, {QStringLiteral("proxy"), r.proxy},
        {QStringLiteral("macs"), QJsonArray::fromStringList(r.macs)}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<BootRequest, QString> readBootRequest(const QString &path)
{
    // O_NOFOLLOW and O_NONBLOCK: the server may read this as root from a directory the service writes; a link
    // is never followed and a FIFO never waited on.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Unexpected(QStringLiteral("cannot read the boot settings %1: %2")
                              .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > kMaxRequestBytes) {
        ::close(fd);
        return Unexpected(
            QStringLiteral("%1 is not a boot settings file (a regular file of at most 64 KiB)").arg(path));
    }
    QByteArray bytes(static_cast<qsizetype>(st.st_size), Qt::Uninitialized);
    const ssize_t got = ::read(fd, bytes.data(), static_cast<size_t>(bytes.size()));
    ::close(fd);
    if (got != static_cast<ssize_t>(bytes.size()))
        return Unexpected(QStringLiteral("cannot read the boot settings %1").arg(path));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject o = doc.object();
    const auto str = [&](const char *key) { return o.value(QLatin1String(key)); };
    if (!doc.isObject() || !str("interface").isString() || !str("rootPath").isString() || !str("range").isString()
        || !str("proxy").isBool() || !str("macs").isArray())
        return Unexpected(QStringLiteral("%1 is not a boot settings file: it needs interface, rootPath, range, proxy "
                                         "and macs")
                              .arg(path));
    BootRequest r;
    r.interface = str("interface").toString();
    r.rootPath = str("rootPath").toString();
    r.range = str("range").toString();
    r.proxy = str("proxy").toBool();
    for (const auto &m : str("macs").toArray()) {
        if (!m.isString())
            return Unexpected(QStringLiteral("%1 is not a boot settings file: macs holds a non-string").arg(path));
        r.macs << m.toString();
    }
    return r;
}

Result<bool, QString> writeBootRequest(const QString &path, const BootRequest &request)
{
    return util::writeFileAtomically(path, encodeBootRequest(request));
}

BootEvent BootEvent::started(QString serving)
{
    BootEvent e;
    e.kind = Kind::Started;
    e.serving = std::move(serving);
    return e;
}

BootEvent BootEvent::failed(QString error)
{
    BootEvent e;
    e.kind = Kind::Failed;
    e.error = std::move(error);
    return e;
}

BootEvent BootEvent::clientAsked(BootClientEvent client)
{
    BootEvent e;
    e.kind = Kind::Client;
    e.client = std::move(client);
    return e;
}

QByteArray encodeBootEvent(const BootEvent &e)
{
    QJsonObject o {{QStringLiteral("event"), QLatin1String(kKindWords[static_cast<int>(e.kind)])},
        {QStringLiteral("time"), e.timeMs}};
    switch (e.kind) {
    case BootEvent::Kind::Started:
        o.insert(QStringLiteral("serving"), e.serving);
        break;
    case BootEvent::Kind::Failed:
        o.insert(QStringLiteral("error"), e.error);
        break;
    case BootEvent::Kind::Client:
        o.insert(QStringLiteral("kind"), QLatin1String(kClientWords[static_cast<int>(e.client.kind)]));
        o.insert(QStringLiteral("mac"), e.client.mac);
        o.insert(QStringLiteral("address"), e.client.ip);
        o.insert(QStringLiteral("ipxe"), e.client.ipxe);
        o.insert(QStringLiteral("rootPath"), e.client.rootPath);
        o.insert(QStringLiteral("bootFile"), e.client.bootFile);
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<BootEvent> parseBootEvent(const QByteArray &line)
{
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto kind = kindFromWord<BootEvent::Kind>(o.value(QLatin1String("event")).toString(), kKindWords);
    if (!kind || !o.value(QLatin1String("time")).isDouble())
        return std::nullopt;
    BootEvent e;
    e.kind = *kind;
    e.timeMs = o.value(QLatin1String("time")).toInteger();
    switch (e.kind) {
    case BootEvent::Kind::Started:
        e.serving = o.value(QLatin1String("serving")).toString();
        break;
    case BootEvent::Kind::Failed:
        e.error = o.value(QLatin1String("error")).toString();
        break;
    case BootEvent::Kind::Client: {
        const auto client
            = kindFromWord<BootClientEvent::Kind>(o.value(QLatin1String("kind")).toString(), kClientWords);
        if (!client)
            return std::nullopt;
        e.client.kind = *client;
        e.client.mac = o.value(QLatin1String("mac")).toString();
        e.client.ip = o.value(QLatin1String("address")).toString();
        e.client.ipxe = o.value(QLatin1String("ipxe")).toBool();
        e.client.rootPath = o.value(QLatin1String("rootPath")).toString();
        e.client.bootFile = o.value(QLatin1String("bootFile")).toString();
        break;
    }
    }
    return e;
}

QString givenText(const BootClientEvent &c)
{
    switch (c.kind) {
    case BootClientEvent::Kind::Address:
        if (!c.rootPath.isEmpty())
            return QStringLiteral("root-path %1").arg(c.rootPath);
        return c.bootFile.isEmpty() ? QStringLiteral("an address") : c.bootFile;
    case BootClientEvent::Kind::ProxyBoot:
    case BootClientEvent::Kind::TftpSent:
        return c.bootFile;
    case BootClientEvent::Kind::Ignored:
    case BootClientEvent::Kind::TftpFailed:
        return QStringLiteral("nothing");
    }
    return {};
}

} // namespace aoesan::boot
