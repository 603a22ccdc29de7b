// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/UDisksMount.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QFileInfo>
#include <QMap>
#include <QTimer>

#include <algorithm>
#include <optional>

namespace aoesan::platform {

namespace {

constexpr char kRootPath[] = "/org/freedesktop/UDisks2";
constexpr char kObjectManager[] = "org.freedesktop.DBus.ObjectManager";
constexpr char kBlock[] = "org.freedesktop.UDisks2.Block";
constexpr char kFilesystem[] = "org.freedesktop.UDisks2.Filesystem";

using Interfaces = QMap<QString, QVariantMap>;

// udisks2 writes paths as NUL-terminated byte strings (ay).
QString bytePath(const QByteArray &bytes)
{
    QByteArray b = bytes;
    while (b.endsWith('\0'))
        b.chop(1);
    return QString::fromLocal8Bit(b);
}

// An aay (Symlinks, MountPoints): a QDBusArgument inside the variant, or already a list.
QStringList bytePaths(const QVariant &value)
{
    QList<QByteArray> list;
    if (value.canConvert<QDBusArgument>())
        value.value<QDBusArgument>() >> list;
    else
        list = value.value<QList<QByteArray>>();
    QStringList paths;
    for (const auto &b : list)
        paths << bytePath(b);
    return paths;
}

MountError errorOf(const QDBusError &e, const QString &node)
{
    const QString name = e.name();
    if (name == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")
        || name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"))
        return {MountError::Kind::NotRunning, QStringLiteral("udisks2 is not running")};
    if (name == QLatin1String("org.freedesktop.DBus.Error.NoReply")
        || name == QLatin1String("org.freedesktop.DBus.Error.Timeout")
        || name == QLatin1String("org.freedesktop.DBus.Error.TimedOut"))
        return {MountError::Kind::Timeout, QStringLiteral("udisks2 did not answer in time")};
    if (name.startsWith(QLatin1String("org.freedesktop.UDisks2.Error.NotAuthorized")))
        return {MountError::Kind::NotAuthorized, QStringLiteral("Not allowed to mount %1: %2").arg(node, e.message())};
    return {MountError::Kind::Failed, QStringLiteral("udisks2 could not mount %1: %2").arg(node, e.message())};
}

struct Found
{
    QString path; // the block's object
    bool filesystem = false;
    QStringList mountPoints;
};

// The block whose node is `node` (or whose node `node` is a link to).
std::optional<Found> findBlock(const QVariant &reply, const QString &node)
{
    QStringList wanted {node};
    if (const QString real = QFileInfo(node).canonicalFilePath(); !real.isEmpty() && real != node)
        wanted << real;
    const QDBusArgument arg = reply.value<QDBusArgument>();
    if (arg.currentType() != QDBusArgument::MapType)
        return std::nullopt;
    std::optional<Found> found;
    arg.beginMap();
    while (!arg.atEnd()) {
        QDBusObjectPath path;
        Interfaces interfaces;
        arg.beginMapEntry();
        arg >> path >> interfaces;
        arg.endMapEntry();
        if (found)
            continue; // the rest is read only to leave the argument whole
        const auto block = interfaces.constFind(QLatin1String(kBlock));
        if (block == interfaces.cend())
            continue;
        QStringList names {bytePath(block->value(QStringLiteral("Device")).toByteArray()),
            bytePath(block->value(QStringLiteral("PreferredDevice")).toByteArray())};
        names << bytePaths(block->value(QStringLiteral("Symlinks")));
        const bool match = std::any_of(
            wanted.cbegin(), wanted.cend(), [&](const QString &w) { return !w.isEmpty() && names.contains(w); });
        if (!match)
            continue;
        Found f;
        f.path = path.path();
        const auto fs = interfaces.constFind(QLatin1String(kFilesystem));
        f.filesystem = fs != interfaces.cend();
        if (f.filesystem)
            f.mountPoints = bytePaths(fs->value(QStringLiteral("MountPoints")));
        found = f;
    }
    arg.endMap();
    return found;
}

} // namespace

UDisksMount::UDisksMount(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{ }

UDisksMount::~UDisksMount() = default;

void UDisksMount::mount(const QString &node, Done done)
{
    const auto fail = [this, done](MountError e) { QTimer::singleShot(0, this, [done, e] { done(Unexpected(e)); }); };
    if (!m_bus.isConnected()) {
        fail({MountError::Kind::NotRunning, QStringLiteral("udisks2 is not running (no system bus)")});
        return;
    }
    // The bus starts udisks2 for this call where it can (D-Bus activation); ServiceUnknown means it cannot.
    const QDBusMessage list = QDBusMessage::createMethodCall(QLatin1String(kService), QLatin1String(kRootPath),
        QLatin1String(kObjectManager), QStringLiteral("GetManagedObjects"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(list, static_cast<int>(m_listTimeout.count())), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, node, done] {
        watcher->deleteLater();
        const QDBusMessage reply = watcher->reply();
        if (reply.type() != QDBusMessage::ReplyMessage) {
            done(Unexpected(errorOf(watcher->error(), node)));
            return;
        }
        const auto found = findBlock(reply.arguments().value(0), node);
        if (!found) {
            done(Unexpected(
                MountError {MountError::Kind::UnknownDevice, QStringLiteral("udisks2 does not know %1").arg(node)}));
            return;
        }
        if (!found->filesystem) {
            done(Unexpected(MountError {
                MountError::Kind::NoFilesystem, QStringLiteral("%1 has no filesystem udisks2 can mount").arg(node)}));
            return;
        }
        if (!found->mountPoints.isEmpty()) {
            done(found->mountPoints.first());
            return;
        }
        QDBusMessage call = QDBusMessage::createMethodCall(
            QLatin1String(kService), found->path, QLatin1String(kFilesystem), QStringLiteral("Mount"));
        call << QVariantMap {};
        // udisks2 asks polkit, and polkit the person's agent, when mounting needs a password.
        call.setInteractiveAuthorizationAllowed(true);
        auto *mounting
            = new QDBusPendingCallWatcher(m_bus.asyncCall(call, static_cast<int>(m_mountTimeout.count())), this);
        connect(mounting, &QDBusPendingCallWatcher::finished, this, [mounting, node, done] {
            mounting->deleteLater();
            const QDBusPendingReply<QString> mounted = *mounting;
            if (mounted.isError())
                done(Unexpected(errorOf(mounted.error(), node)));
            else
                done(mounted.value());
        });
    });
}

} // namespace aoesan::platform
