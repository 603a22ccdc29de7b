// SPDX-License-Identifier: GPL-3.0-or-later
#include "service/AoeUnitLoader.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <chrono>
#include <unistd.h>

namespace aoesan::service {

namespace {

constexpr int kStartUnitTimeoutMs = 10000;
constexpr std::chrono::milliseconds kModuleWait {10000};

} // namespace

QString aoeUnitName(const QStringList &interfaces)
{
    // systemd-escape: [A-Za-z0-9:_.] stay (a leading '.' does not), '/' becomes '-', every other byte \xNN.
    const QByteArray list = interfaces.join(QLatin1Char(',')).toUtf8();
    QString escaped;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto c = static_cast<unsigned char>(list[i]);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':'
            || c == '_' || (c == '.' && i > 0);
        if (plain)
            escaped += QLatin1Char(static_cast<char>(c));
        else if (c == '/')
            escaped += QLatin1Char('-');
        else
            escaped += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return QStringLiteral("aoesan-aoe@%1.service").arg(escaped);
}

kernel::ModuleLoader systemdAoeLoader(QString root)
{
    return [root](const QStringList &interfaces) -> Result<bool, QString> {
        if (interfaces.isEmpty())
            return Unexpected(QStringLiteral("no interface named for the aoe driver (it would use every one)"));
        const QString unit = aoeUnitName(interfaces);
        QDBusConnection bus = QDBusConnection::systemBus();
        if (!bus.isConnected())
            return Unexpected(QStringLiteral("cannot reach systemd to load the aoe driver (no system bus): run "
                                             "`sudo modprobe aoe aoe_iflist=%1`")
                                  .arg(interfaces.join(QLatin1Char(','))));
        QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.systemd1"),
            QStringLiteral("/org/freedesktop/systemd1"), QStringLiteral("org.freedesktop.systemd1.Manager"),
            QStringLiteral("StartUnit"));
        call << unit << QStringLiteral("replace");
        const QDBusMessage reply = bus.call(call, QDBus::Block, kStartUnitTimeoutMs);
        if (reply.type() == QDBusMessage::ErrorMessage)
            return Unexpected(QStringLiteral("systemd did not start %1 to load the aoe driver: %2 (%3)")
                                  .arg(unit, reply.errorMessage(), reply.errorName()));
        // StartUnit returns once the job is queued; the module directory appears when modprobe is done, and the
        // control files become the service's a moment later, when udev has applied 60-aoesan.rules (the kernel
        // makes them root's; tst_package_vm met that moment).
        const QString module = QDir::cleanPath(root + QStringLiteral("/sys/module/aoe"));
        const QByteArray discover = QFile::encodeName(QDir::cleanPath(root + QStringLiteral("/dev/etherd/discover")));
        const auto deadline = std::chrono::steady_clock::now() + kModuleWait;
        while (!QFileInfo(module).isDir() || ::access(discover.constData(), W_OK) != 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                if (!QFileInfo(module).isDir())
                    return Unexpected(
                        QStringLiteral("%1 ran but the aoe driver is not loaded after %2 s (journalctl -u '%1')")
                            .arg(unit)
                            .arg(std::chrono::duration_cast<std::chrono::seconds>(kModuleWait).count()));
                return Unexpected(QStringLiteral("the aoe driver is loaded, but this service may not write %1: is "
                                                 "udev running with /lib/udev/rules.d/60-aoesan.rules?")
                                      .arg(QString::fromLocal8Bit(discover)));
            }
            QThread::msleep(50);
        }
        return true;
    };
}

} // namespace aoesan::service
