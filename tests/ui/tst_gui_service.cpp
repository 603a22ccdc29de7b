// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's controllers over the real aoesan-service on a private dbus-daemon (no discovery): an export
// added by another client (a CLI-like ServiceClient) reaches the GUI's ExportModel within a second,
// through the signals alone; the service killed with -9 and started again: the GUI's link notices both
// (NameOwnerChanged) and shows the export list again, by itself.
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <optional>

#include "Fixtures.h"
#include "exports/ExportController.h"
#include "models/ExportModel.h"
#include "service/SanLink.h"
#include "service/ServiceClient.h"
#include "settings/KernelSettingsGroup.h"
#include "targets/KernelDevicesFeed.h"

using namespace aoesan;

class TestGuiService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_bus;
    QProcess m_service;
    QString m_address;

    bool startService()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_address);
        m_service.setProcessEnvironment(env);
        m_service.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_service.start(QStringLiteral(AOESAN_SERVICE),
            {QStringLiteral("--session"), QStringLiteral("--no-discovery"), QStringLiteral("--config-dir"),
                m_dir.filePath(QStringLiteral("etc")), QStringLiteral("--state-dir"),
                m_dir.filePath(QStringLiteral("state")), QStringLiteral("--engine"), QStringLiteral("/bin/false")});
        return m_service.waitForStarted(5000);
    }

private slots:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (apt-get install dbus-daemon)");
        m_bus.start(daemon,
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                QStringLiteral("--print-address=1"), QStringLiteral("--address=unix:dir=%1").arg(m_dir.path())});
        QVERIFY(m_bus.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 10000);
        m_address = QString::fromUtf8(m_bus.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    // The kernel's view over the real bus: Properties.Get through the link unwraps the variant (a property
    // every service has), and KernelDevices is either a JSON array (a service that has it) or an error the
    // feed keeps to itself (an older one): no devices, no change announced.
    void kernelDevicesOverTheBus()
    {
        if (m_service.state() != QProcess::Running)
            QVERIFY(startService());
        QDBusConnection gui = QDBusConnection::connectToBus(m_address, QStringLiteral("gui-kernel"));
        QTRY_VERIFY_WITH_TIMEOUT(service::ServiceClient(gui).serviceRunning(), 10000);
        ui::ServiceLink link(gui, ui::SanLink::Owner::System);
        link.follow();
        std::optional<Result<QVariantList, service::ServiceError>> path;
        link.managerProperty(QStringLiteral("ExportListPath"), [&](auto reply) { path = std::move(reply); });
        QTRY_VERIFY_WITH_TIMEOUT(path.has_value(), 5000);
        QVERIFY2(path->ok(), path->ok() ? "" : qPrintable(path->error().message));
        QVERIFY(!path->value().value(0).toString().isEmpty()); // the export list file's path

        std::optional<Result<QVariantList, service::ServiceError>> devices;
        link.managerProperty(QStringLiteral("KernelDevices"), [&](auto reply) { devices = std::move(reply); });
        QTRY_VERIFY_WITH_TIMEOUT(devices.has_value(), 5000);
        if (devices->ok())
            QVERIFY(QJsonDocument::fromJson(devices->value().value(0).toString().toUtf8()).isArray());
        else
            QVERIFY(!devices->error().name.isEmpty());

        ui::KernelDevicesFeed feed(link);
        QSignalSpy changed(&feed, &ui::KernelDevicesFeed::devicesChanged);
        feed.setInterval(std::chrono::milliseconds(100));
        feed.start();
        QTest::qWait(500);
        QCOMPARE(feed.available(), devices->ok());
        QVERIFY(feed.devices().empty()); // no aoe driver here
        QCOMPARE(changed.count(), 0);
    }

    // The settings group against the real service: KernelSettings arrives as a{sv} inside the variant of
    // Properties.Get; a change goes back with SetKernelSettings and the service keeps it.
    void kernelSettingsOverTheBus()
    {
        if (m_service.state() != QProcess::Running)
            QVERIFY(startService());
        QDBusConnection gui = QDBusConnection::connectToBus(m_address, QStringLiteral("gui-settings"));
        QTRY_VERIFY_WITH_TIMEOUT(service::ServiceClient(gui).serviceRunning(), 10000);
        ui::ServiceLink link(gui, ui::SanLink::Owner::System);
        link.follow();
        ui::KernelSettingsGroup group(&link);
        QTRY_VERIFY_WITH_TIMEOUT(group.available(), 5000);
        auto *flush = group.findChild<QSpinBox *>(QStringLiteral("kernelFlushAfter"));
        auto *reattach = group.findChild<QCheckBox *>(QStringLiteral("kernelReattach"));
        QCOMPARE(flush->value(), 60);
        QVERIFY(!reattach->isChecked());
        flush->setValue(120);
        reattach->setChecked(true);
        std::optional<std::optional<QString>> saved;
        group.save([&](std::optional<QString> error) { saved = error; });
        QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 10000);
        QVERIFY2(!saved->has_value(), qPrintable(saved->value_or(QString())));
        ui::KernelSettingsGroup again(&link);
        QTRY_VERIFY_WITH_TIMEOUT(again.available(), 5000);
        QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("kernelFlushAfter"))->value(), 120);
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("kernelReattach"))->isChecked());
    }

    void cleanupTestCase()
    {
        m_service.terminate();
        m_service.waitForFinished(5000);
        m_bus.terminate();
        m_bus.waitForFinished(5000);
    }

    void otherClientsChangesAndServiceRestarts()
    {
        QVERIFY(startService());
        QDBusConnection gui = QDBusConnection::connectToBus(m_address, QStringLiteral("gui"));
        QDBusConnection cli = QDBusConnection::connectToBus(m_address, QStringLiteral("cli"));
        QVERIFY(gui.isConnected() && cli.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(service::ServiceClient(cli).serviceRunning(), 10000);

        ui::ServiceLink link(gui, ui::SanLink::Owner::System);
        ui::ExportModel model;
        ui::ExportController exports(link, model);
        link.follow();
        QVERIFY(link.isConnected());
        QCOMPARE(model.rowCount(), 0);

        // Another client adds an export: the GUI's model has it within a second, without asking.
        auto record = test::exportRecord(QStringLiteral("media"), 7, 3);
        record.path = m_dir.filePath(QStringLiteral("media.img"));
        record.autostart = true;
        {
            QFile image(record.path);
            QVERIFY(image.open(QIODevice::WriteOnly) && image.resize(1 << 20));
        }
        service::ServiceClient other(cli);
        QElapsedTimer clock;
        clock.start();
        const auto added = other.addExport(record, true, false); // and started: serving (trying to)
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 1000);
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(model.rowAt(0).record.name, QStringLiteral("media"));
        QVERIFY(exports.servedBySystem());

        // Killed with -9: the GUI notices; started again: it follows by itself and the list is back.
        QSignalSpy reach(&exports, &ui::ExportController::reachabilityChanged);
        ::kill(static_cast<pid_t>(m_service.processId()), SIGKILL);
        QVERIFY(m_service.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(!link.isConnected(), 5000);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(startService());
        QTRY_VERIFY_WITH_TIMEOUT(link.isConnected(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 5000);
        QCOMPARE(model.rowAt(0).record.name, QStringLiteral("media"));
        QCOMPARE(reach.count(), 2);
        QCOMPARE(reach.at(0).at(0).toBool(), false);
        QCOMPARE(reach.at(1).at(0).toBool(), true);
        // What was serving is started again by the new service in the same boot (its engine, /bin/false,
        // fails).
        QTRY_VERIFY_WITH_TIMEOUT(model.rowAt(0).status.state != supervisor::ExportState::Stopped, 5000);
    }
};

QTEST_MAIN(TestGuiService)
#include "settings/KernelSettingsGroup.h"
#include "tst_gui_service.moc"
