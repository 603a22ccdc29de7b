// SPDX-License-Identifier: GPL-3.0-or-later
// The kernel's view in the GUI: KernelDevicesFeed over the service link (quiet with an older service that
// has no KernelDevices property, parsed when it has one), the Targets table's mark and OnMachine column
// (QAbstractItemModelTester), the details pane with node, partitions, users and the state in words, Use on
// this machine / Detach through Manager.Attach/Detach (the path or the reason in words), the tray's notice
// when an attached device goes down and comes back; the settings dialog's group for disks of this machine
// (Manager.KernelSettings read, SetKernelSettings written, disabled with an older service), Open on a
// filesystem through a stand-in udisks2 on a private bus (the mount point opened), Open on a
// filesystem without udisks2 (the path to mount, Copy path), and Use on this machine for this machine's own
// export (a box naming its backing file instead of a call; the same for the service's OwnExport). With
// AOESAN_SCREENSHOT_DIR set, the Targets page with an attached target selected is saved as kernel-targets.png
// there (the Shelves page as kernel-shelves.png), the settings dialog as kernel-settings.png and the own-export
// box as own-export.png (run under Xvfb for a real X server).
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QDBusConnection>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "WindowRig.h"
#include "exports/ExportController.h"
#include "kernel/KernelStat.h"
#include "models/ExportModel.h"
#include "models/Roles.h"
#include "service/DbusApi.h"
#include "settings/KernelSettingsGroup.h"
#include "settings/SettingsDialog.h"
#include "shell/Actions.h"
#include "targets/KernelDevicesFeed.h"
#include "targets/TargetActions.h"
#include "targets/TargetDetails.h"
#include "targets/TargetsView.h"
#include "tray/TrayController.h"

using namespace aoesan;
using ui::TargetModel;

namespace {

// e0.1 as the driver has it: one ext4 partition mounted at /mnt/data, dd holding the disk open.
kernel::KernelDevice attached(const QString &state = QStringLiteral("up"))
{
    kernel::KernelDevice d;
    d.shelf = 0;
    d.slot = 1;
    d.sectors = 131072;
    d.state = state;
    d.mac = QStringLiteral("020000000001");
    d.interfaces = {QStringLiteral("lab-a")};
    d.payload = 8704;
    d.firmware = QStringLiteral("0x4019");
    kernel::KernelPartition p;
    p.name = QStringLiteral("e0.1p1");
    p.path = QStringLiteral("/dev/etherd/e0.1p1");
    p.sectors = 129024;
    p.fsType = QStringLiteral("ext4");
    p.label = QStringLiteral("data");
    p.mountPoints = {QStringLiteral("/mnt/data")};
    d.partitions.push_back(p);
    d.users.mountPoints = {QStringLiteral("/mnt/data (e0.1p1)")};
    d.users.processes = {QStringLiteral("1234 dd")};
    return d;
}

QString json(const std::vector<kernel::KernelDevice> &devices)
{
    return QString::fromUtf8(QJsonDocument(kernel::devicesToJson(devices)).toJson(QJsonDocument::Compact));
}

struct Rig : test::WindowRig
{
    Rig()
        : WindowRig({QStringLiteral("lab-a")})
    { }
    bool startWithTargets()
    {
        if (!probe())
            return false;
        probe()->sayStarted({QStringLiteral("lab-a")});
        probe()->sayTarget("added", test::target(0, 1));
        probe()->sayTarget("added", test::target(0, 2));
        return QTest::qWaitFor([this] { return targets.rowCount() == 2; });
    }
    ui::KernelDevicesFeed &feed() const { return *window->kernelFeed(); }
};

QMessageBox *waitForBox(QWidget *parent, const char *name)
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        box = parent->findChild<QMessageBox *>(QLatin1String(name));
        return box && box->isVisible();
    });
    return shown ? box : nullptr;
}

QString boxText(const QMessageBox *box)
{
    return box->text() + QLatin1Char('\n') + box->informativeText();
}

QString screenshotDir()
{
    return qEnvironmentVariable("AOESAN_SCREENSHOT_DIR");
}

} // namespace

class TestKernelView : public QObject
{
    Q_OBJECT

private slots:
    void modelMarksAttachedTargets()
    {
        TargetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.upsert({test::target(0, 1), test::target(0, 2)});
        QCOMPARE(model.columnCount(), int(TargetModel::ColumnCount));
        QCOMPARE(
            model.headerData(TargetModel::OnMachine, Qt::Horizontal).toString(), QStringLiteral("On this machine"));
        const QModelIndex cell = model.index(model.rowOf({0, 1}), TargetModel::OnMachine);
        QCOMPARE(cell.data().toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // e0.9 has no row (yet): kept, and no signal for it.
        auto other = attached();
        other.slot = 9;
        model.setKernelDevices({attached(), other});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf({0, 1}));
        QCOMPARE(cell.data().toString(), QStringLiteral("/dev/etherd/e0.1 (up)"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("/dev/etherd/e0.1: ")));
        QVERIFY(
            !model.index(model.rowOf({0, 1}), TargetModel::Device).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(model.index(model.rowOf({0, 2}), TargetModel::Device).data(Qt::DecorationRole).isNull());
        QCOMPARE(model.index(model.rowOf({0, 2}), TargetModel::OnMachine).data().toString(), QString());
        // The same list again: nothing changes.
        model.setKernelDevices({attached(), other});
        QCOMPARE(changed.count(), 1);
        model.setKernelDevices({attached(QStringLiteral("down,closewait")), other});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(cell.data().toString(), QStringLiteral("/dev/etherd/e0.1 (down,closewait)"));
        // Gone from the kernel: the cell empties.
        model.setKernelDevices({});
        QCOMPARE(changed.count(), 3);
        QCOMPARE(cell.data().toString(), QString());
        QVERIFY(!model.kernelDevice({0, 1}));
        // A row that comes after its device shows it at once.
        model.setKernelDevices({other});
        model.upsert(test::target(0, 9));
        QCOMPARE(model.index(model.rowOf({0, 9}), TargetModel::OnMachine).data().toString(),
            QStringLiteral("/dev/etherd/e0.9 (up)"));
    }

    void detailsShowTheKernelsView()
    {
        TargetModel model;
        model.upsert(test::target(0, 1));
        ui::TargetDetails details(&model);
        details.showTarget(discovery::TargetId {0, 1});
        QVERIFY(!details.text().contains(QStringLiteral("/dev/etherd")));
        model.setKernelDevices({attached()});
        const QString text = details.text();
        QVERIFY2(text.contains(QStringLiteral("On this machine: /dev/etherd/e0.1")), qPrintable(text));
        QVERIFY2(text.contains(kernel::explainState(QStringLiteral("up"))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("/dev/etherd/e0.1p1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ext4")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("label \"data\"")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("mounted at /mnt/data")), qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("In use: ")) && text.contains(QStringLiteral("1234 dd")), qPrintable(text));
        model.setKernelDevices({attached(QStringLiteral("down,closewait"))});
        QVERIFY2(details.text().contains(kernel::explainState(QStringLiteral("down,closewait"))),
            qPrintable(details.text()));
    }

    void ownExportSaysWhyNot()
    {
        TargetModel model;
        model.setLocalExports({{{0, 3}, QStringLiteral("boot"), QStringLiteral("lab-a"),
            supervisor::ExportState::Running, 131072, QStringLiteral("02:00:00:00:aa:01")}});
        ui::TargetDetails details(&model);
        details.showTarget(discovery::TargetId {0, 3});
        QVERIFY2(details.text().contains(QStringLiteral("cannot use it here")), qPrintable(details.text()));
        QVERIFY2(details.text().contains(QStringLiteral("use boot itself")), qPrintable(details.text()));
    }

    void feedIsQuietWithAnOlderService()
    {
        Rig rig;
        QVERIFY(rig.startWithTargets());
        QSignalSpy changed(&rig.feed(), &ui::KernelDevicesFeed::devicesChanged);
        rig.feed().refreshNow();
        QTRY_VERIFY(rig.link.propertyReads.count(QStringLiteral("KernelDevices")) >= 1);
        QTest::qWait(50);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!rig.feed().available());
        QVERIFY(rig.feed().devices().empty());
        QCOMPARE(rig.targets.index(0, TargetModel::OnMachine).data().toString(), QString());
        QCOMPARE(rig.window->statusBar()->currentMessage(), QString());
    }

    void feedReadsTheServicesList()
    {
        Rig rig;
        QVERIFY(rig.startWithTargets());
        rig.feed().setInterval(std::chrono::milliseconds(50));
        rig.link.kernelDevicesJson = json({attached()});
        QTRY_VERIFY(rig.feed().available());
        QCOMPARE(rig.feed().devices().size(), 1U);
        QCOMPARE(rig.feed().devices().front(), attached());
        QTRY_COMPARE(rig.targets.index(rig.targets.rowOf({0, 1}), TargetModel::OnMachine).data().toString(),
            QStringLiteral("/dev/etherd/e0.1 (up)"));
        // The service loses the property (an older one came back): the list empties, once.
        rig.link.kernelDevicesJson.reset();
        QTRY_VERIFY(!rig.feed().available());
        QVERIFY(rig.feed().devices().empty());
        // Not JSON: treated as no property.
        rig.link.kernelDevicesJson = QStringLiteral("{not json");
        QTest::qWait(200);
        QVERIFY(!rig.feed().available());
    }

    void useAndDetachThroughTheService()
    {
        Rig rig;
        rig.window->show();
        QVERIFY(rig.startWithTargets());
        auto &actions = *rig.window->targetActions();
        const discovery::TargetId id {0, 1};
        QVERIFY(actions.canUse(id));
        QVERIFY(!actions.canDetach(id));
        rig.link.kernelCall = [](const QString &method,
                                  const QVariantList &) -> std::optional<Result<QVariantList, service::ServiceError>> {
            if (method == QLatin1String("Attach"))
                return QVariantList {QStringLiteral("/dev/etherd/e0.1")};
            if (method == QLatin1String("Detach"))
                return Unexpected(service::ServiceError {QStringLiteral("io.github.aoesan1.Error.InUse"),
                    QStringLiteral("e0.1 is in use: mounted at /mnt/data (e0.1p1)")});
            return std::nullopt;
        };
        QSignalSpy messages(&actions, &ui::TargetActions::message);
        QSignalSpy busy(&actions, &ui::TargetActions::kernelBusyChanged);
        rig.window->targetsView()->select(id);
        QVERIFY(rig.window->actions().useTarget->isEnabled());
        rig.window->actions().useTarget->trigger();
        QVERIFY(actions.kernelBusy());
        QVERIFY(!actions.canUse(id)); // no second Attach while the first waits
        QTRY_VERIFY(!actions.kernelBusy());
        QCOMPARE(busy.count(), 2);
        QCOMPARE(rig.link.calls.last(), QStringLiteral("Attach"));
        QCOMPARE(rig.link.callArgs.last().toList().value(0).toString(), QStringLiteral("e0.1"));
        QCOMPARE(messages.last().at(0).toString(), QStringLiteral("e0.1 is on this machine as /dev/etherd/e0.1"));
        QVERIFY(rig.window->targetsView()->details()->text().contains(QStringLiteral("as /dev/etherd/e0.1")));
        // The kernel has it now: Detach is offered, Use is not.
        rig.feed().apply({attached()});
        QVERIFY(!actions.canUse(id));
        QVERIFY(actions.canDetach(id));
        QVERIFY(rig.window->actions().detachTarget->isEnabled());
        QVERIFY(!rig.window->actions().useTarget->isEnabled());
        auto *detach = rig.window->targetsView()->details()->findChild<QPushButton *>(QStringLiteral("detailsDetach"));
        QVERIFY(detach && detach->isEnabled());
        detach->click();
        QTRY_VERIFY(!actions.kernelBusy());
        QCOMPARE(rig.link.calls.last(), QStringLiteral("Detach"));
        QCOMPARE(messages.last().at(0).toString(),
            QStringLiteral("Could not detach e0.1: e0.1 is in use: mounted at /mnt/data (e0.1p1)"));
        QVERIFY(
            rig.window->targetsView()->details()->text().contains(QStringLiteral("is in use: mounted at /mnt/data")));
        // The context menu offers the same.
        std::unique_ptr<QMenu> menu(actions.menuFor(id, nullptr));
        QVERIFY(menu->findChild<QAction *>(QStringLiteral("actionDetach"))->isEnabled());
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("actionUse"))->isEnabled());
    }

    void trayTellsWhenAnAttachedDeviceGoesDown()
    {
        ui::TargetModel targets;
        ui::ExportModel exports;
        test::LocalLink link({QStringLiteral("lan1")});
        ui::ExportController control {link, exports};
        QMainWindow window;
        ui::Actions actions {&window};
        ui::TrayController tray {targets, exports, control, actions};
        tray.kernelDevicesChanged({attached()}); // first seen: no news
        QCOMPARE(tray.shown().size(), 0U);
        tray.kernelDevicesChanged({attached()});
        QCOMPARE(tray.shown().size(), 0U);
        tray.kernelDevicesChanged({attached(QStringLiteral("down,closewait"))});
        QCOMPARE(tray.shown().size(), 1U);
        const auto down = tray.shown().back();
        QCOMPARE(down.title, QStringLiteral("/dev/etherd/e0.1 on this machine is down"));
        QVERIFY(down.critical);
        QVERIFY2(down.body.contains(QStringLiteral("/mnt/data")) && down.body.contains(QStringLiteral("1234 dd")),
            qPrintable(down.body));
        QVERIFY2(down.body.contains(QStringLiteral("Closewait")), qPrintable(down.body));
        tray.kernelDevicesChanged({attached()});
        QCOMPARE(tray.shown().size(), 2U);
        QCOMPARE(tray.shown().back().title, QStringLiteral("/dev/etherd/e0.1 on this machine is back up"));
        QVERIFY(!tray.shown().back().critical);
        // Paused notifications: nothing.
        actions.pauseNotifications->setChecked(true);
        tray.kernelDevicesChanged({attached(QStringLiteral("down"))});
        QCOMPARE(tray.shown().size(), 2U);
    }

    void settingsReadAndWriteTheServicesKernelSettings()
    {
        test::LocalLink link;
        link.kernelSettings = QVariantMap {{QLatin1String(service::kernel_key::kFlushDownAfterSeconds), 60U},
            {QLatin1String(service::kernel_key::kReattach), false}};
        QVariantList written;
        link.kernelCall = [&](const QString &method,
                              const QVariantList &args) -> std::optional<Result<QVariantList, service::ServiceError>> {
            if (method != QLatin1String("SetKernelSettings"))
                return std::nullopt;
            written = args;
            return QVariantList {};
        };
        ui::SettingsDialog dialog(ui::AppSettings {}, {QStringLiteral("lan1")}, nullptr, &link);
        auto *group = dialog.kernelGroup();
        QVERIFY(group);
        QTRY_VERIFY(group->available());
        QVERIFY(link.propertyReads.contains(QStringLiteral("KernelSettings")));
        QCOMPARE(group->flushBox()->value(), 60);
        QVERIFY(group->flushBox()->isEnabled());
        QVERIFY(!group->reattachBox()->isChecked());
        QCOMPARE(group->flushBox()->maximum(), 86400);
        // Nothing changed: OK writes nothing.
        QVERIFY(group->changes().isEmpty());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString dir = screenshotDir();
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/kernel-settings.png")));
        group->flushBox()->setValue(0);
        QCOMPARE(group->flushBox()->text(), QStringLiteral("never"));
        group->reattachBox()->setChecked(true);
        dialog.accept();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(link.calls, QStringList {QStringLiteral("SetKernelSettings")});
        const QVariantMap map = written.value(0).toMap();
        QCOMPARE(map.size(), 2);
        QCOMPARE(map.value(QStringLiteral("flushDownAfterSeconds")).typeId(), int(QMetaType::UInt)); // u
        QCOMPARE(map.value(QStringLiteral("flushDownAfterSeconds")).toUInt(), 0U);
        QCOMPARE(map.value(QStringLiteral("reattach")), QVariant(true));
    }

    void settingsShowTheServicesRefusal()
    {
        test::LocalLink link;
        link.kernelSettings
            = QVariantMap {{QStringLiteral("flushDownAfterSeconds"), 60U}, {QStringLiteral("reattach"), true}};
        link.kernelCall = [](const QString &method,
                              const QVariantList &) -> std::optional<Result<QVariantList, service::ServiceError>> {
            if (method != QLatin1String("SetKernelSettings"))
                return std::nullopt;
            return Unexpected(service::ServiceError {QLatin1String(service::error::kNotAuthorized),
                QStringLiteral("You are not allowed to change how this machine uses targets.")});
        };
        ui::SettingsDialog dialog(ui::AppSettings {}, {}, nullptr, &link);
        dialog.show();
        QTRY_VERIFY(dialog.kernelGroup()->available());
        dialog.kernelGroup()->flushBox()->setValue(300);
        dialog.accept();
        QMessageBox *box = waitForBox(&dialog, "kernelSettingsError");
        QVERIFY(box);
        QVERIFY2(boxText(box).contains(QStringLiteral("not allowed to change")), qPrintable(boxText(box)));
        QVERIFY(dialog.isVisible()); // still open: the person may change it back or cancel
        QCOMPARE(link.callArgs.last().toList().value(0).toMap(),
            (QVariantMap {{QStringLiteral("flushDownAfterSeconds"), 300U}}));
        box->close();
    }

    void settingsAreDisabledWithAnOlderService()
    {
        test::LocalLink link; // no KernelSettings property
        ui::SettingsDialog dialog(ui::AppSettings {}, {}, nullptr, &link);
        auto *group = dialog.kernelGroup();
        QSignalSpy loaded(group, &ui::KernelSettingsGroup::loaded);
        QTRY_COMPARE(loaded.count(), 1);
        QVERIFY(!group->available());
        QVERIFY(!group->flushBox()->isEnabled());
        QVERIFY(!group->reattachBox()->isEnabled());
        QVERIFY2(group->note()->text().contains(QStringLiteral("older")), qPrintable(group->note()->text()));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!link.calls.contains(QStringLiteral("SetKernelSettings")));
        // Without a link (no service at all) there is no such group.
        ui::SettingsDialog plain(ui::AppSettings {}, {});
        QVERIFY(!plain.kernelGroup());
    }

    void openWithoutUDisksShowsThePath()
    {
        Rig rig;
        rig.window->show();
        QVERIFY(rig.startWithTargets());
        auto &actions = *rig.window->targetActions();
        // A bus where nobody is: udisks2 "is not running".
        actions.setUDisksBus(
            QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/bus"), QStringLiteral("no-udisks")));
        QStringList opened;
        actions.setOpener([&](const QString &mountPoint) { opened << mountPoint; });
        rig.feed().apply({attached()});
        rig.window->targetsView()->select({0, 1});
        auto *details = rig.window->targetsView()->details();
        QPushButton *open = nullptr;
        QTRY_VERIFY((open = details->findChild<QPushButton *>(QStringLiteral("detailsOpen"))) && open->isVisible());
        QCOMPARE(open->text(), QStringLiteral("Open e0.1p1"));
        QVERIFY(open->isEnabled());
        open->click();
        QMessageBox *box = waitForBox(rig.window.get(), "openPathBox");
        QVERIFY(box);
        const QString text = boxText(box);
        QVERIFY2(text.contains(QStringLiteral("udisks2 is not running")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo mount /dev/etherd/e0.1p1 /mnt")), qPrintable(text));
        QCOMPARE(box->informativeText(), QStringLiteral("/dev/etherd/e0.1p1"));
        QVERIFY(opened.isEmpty());
        auto *copy = box->findChild<QPushButton *>(QStringLiteral("copyPath"));
        QVERIFY(copy);
        QGuiApplication::clipboard()->clear();
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("/dev/etherd/e0.1p1"));
        // Down: no Open; gone from the kernel: no button.
        rig.feed().apply({attached(QStringLiteral("down"))});
        QTRY_VERIFY(!details->findChild<QPushButton *>(QStringLiteral("detailsOpen"))->isEnabled());
        rig.feed().apply({});
        QTRY_VERIFY(details->findChildren<QPushButton *>(QStringLiteral("detailsOpen")).isEmpty());
    }

    void openMountsThroughUDisks()
    {
        // The stand-in udisks2 (tests/support/udisks) on a private bus: Open mounts e0.1p1 and opens its mount point.
        QTemporaryDir dir;
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is missing (apt-get install dbus-daemon)");
        QProcess bus;
        bus.start(daemon,
            {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--nopidfile"),
                QStringLiteral("--print-address=1"), QStringLiteral("--address=unix:dir=%1").arg(dir.path())});
        QVERIFY(bus.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
        const QString address = QString::fromUtf8(bus.readLine()).trimmed();
        QProcess udisks;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        udisks.setProcessEnvironment(env);
        udisks.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        udisks.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(AOESAN_UDISKS_STANDIN), dir.filePath(QStringLiteral("calls"))});
        QVERIFY(udisks.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(udisks.canReadLine(), 15000);
        QCOMPARE(udisks.readLine().trimmed(), QByteArray("ready"));

        Rig rig;
        rig.window->show();
        QVERIFY(rig.startWithTargets());
        auto &actions = *rig.window->targetActions();
        actions.setUDisksBus(QDBusConnection::connectToBus(address, QStringLiteral("gui-udisks")));
        QStringList opened;
        actions.setOpener([&](const QString &mountPoint) { opened << mountPoint; });
        rig.feed().apply({attached()});
        rig.window->targetsView()->select({0, 1});
        QPushButton *open = nullptr;
        QTRY_VERIFY(
            (open = rig.window->targetsView()->details()->findChild<QPushButton *>(QStringLiteral("detailsOpen"))));
        open->click();
        QTRY_COMPARE_WITH_TIMEOUT(opened, QStringList {QStringLiteral("/media/test/data")}, 10000);
        QVERIFY(!rig.window->findChild<QMessageBox *>(QStringLiteral("openPathBox")));
        QFile calls(dir.filePath(QStringLiteral("calls")));
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QVERIFY(calls.readAll().startsWith("Mount "));
        udisks.terminate();
        QVERIFY(udisks.waitForFinished(5000));
        bus.terminate();
        QVERIFY(bus.waitForFinished(5000));
    }

    void ownExportNamesItsBackingFile()
    {
        Rig rig;
        rig.window->show();
        QVERIFY(rig.startWithTargets());
        const auto record = rig.record(QStringLiteral("boot"), 0, 3);
        rig.exports.add(record, true);
        const discovery::TargetId id {0, 3};
        QTRY_VERIFY(rig.targets.find(id) && rig.targets.find(id)->exportedHere);
        auto &actions = *rig.window->targetActions();
        QVERIFY(actions.canUse(id));
        rig.window->targetsView()->select(id);
        QTRY_VERIFY(rig.window->actions().useTarget->isEnabled());
        rig.window->actions().useTarget->trigger();
        QMessageBox *box = waitForBox(rig.window.get(), "ownExportBox");
        QVERIFY(box);
        QVERIFY2(
            boxText(box).contains(QStringLiteral("does not see this machine's own frames")), qPrintable(boxText(box)));
        QCOMPARE(box->informativeText(), record.path);
        QVERIFY(!rig.link.calls.contains(QStringLiteral("Attach"))); // nothing asked of the service
        const QString dir = screenshotDir();
        if (!dir.isEmpty())
            QVERIFY(box->grab().save(dir + QStringLiteral("/own-export.png")));
        QGuiApplication::clipboard()->clear();
        box->findChild<QPushButton *>(QStringLiteral("copyPath"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), record.path);
        QTRY_VERIFY(!rig.window->findChild<QMessageBox *>(QStringLiteral("ownExportBox")));
    }

    void ownExportRefusedByTheService()
    {
        Rig rig;
        rig.window->show();
        QVERIFY(rig.startWithTargets());
        rig.link.kernelCall = [](const QString &method,
                                  const QVariantList &) -> std::optional<Result<QVariantList, service::ServiceError>> {
            if (method != QLatin1String("Attach"))
                return std::nullopt;
            return Unexpected(service::ServiceError {QLatin1String(service::error::kOwnExport),
                QStringLiteral("e0.1 is exported by this machine from /srv/aoe/e0.1.img")});
        };
        auto &actions = *rig.window->targetActions();
        actions.useOnThisMachine({0, 1});
        QMessageBox *box = waitForBox(rig.window.get(), "ownExportBox");
        QVERIFY(box);
        QVERIFY2(boxText(box).contains(
                     QStringLiteral("The service says: e0.1 is exported by this machine from /srv/aoe/e0.1.img")),
            qPrintable(boxText(box)));
        QVERIFY(!rig.window->findChild<QMessageBox *>(QStringLiteral("targetActionError")));
        QCOMPARE(rig.link.calls.last(), QStringLiteral("Attach"));
        box->close();
    }

    void screenshotOfAnAttachedTarget()
    {
        Rig rig;
        rig.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(rig.window.get()));
        QVERIFY(rig.startWithTargets());
        rig.window->targetsView()->setVisibleColumns(
            ui::TargetsView::defaultColumns() << ui::TargetsView::columnName(TargetModel::OnMachine));
        rig.feed().apply({attached()});
        rig.window->targetsView()->select({0, 1});
        QTest::qWait(100);
        auto *table = rig.window->targetsView()->table();
        QVERIFY(!table->isColumnHidden(TargetModel::OnMachine));
        QVERIFY(
            rig.window->targetsView()->details()->text().contains(QStringLiteral("On this machine: /dev/etherd/e0.1")));
        const QString dir = qEnvironmentVariable("AOESAN_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(rig.window->grab().save(dir + QStringLiteral("/kernel-targets.png")));
        // The Shelves tile's badge (and its tooltip names the device).
        rig.window->showPage(ui::MainWindow::Page::Shelves);
        QTest::qWait(50);
        if (!dir.isEmpty())
            QVERIFY(rig.window->grab().save(dir + QStringLiteral("/kernel-shelves.png")));
    }
};

QTEST_MAIN(TestKernelView)
#include "tst_kernel_view.moc"
