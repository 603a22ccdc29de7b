// SPDX-License-Identifier: GPL-3.0-or-later
// This machine's own export in its own Targets table (label net, root): discovery (the real
// `aoesan-engine probe`) and the export (the real `aoesan-engine serve`), both run by the service (a SanService
// in this process behind the GUI's SanLink), share one interface of one namespace, as on a host with one NIC. The
// export is heard on the wire and shown as "exported here" with its size; stopped, it reads "stopped" (not "down") and
// raises no "is down" notification; started again, it is back without a "back up" one. Everything runs in the lab's
// target namespace through `ip netns exec`, so no frame reaches a host interface.
#include <QMainWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include "Lab.h"
#include "LocalLink.h"
#include "discovery/DiscoveryController.h"
#include "exports/ExportController.h"
#include "models/ExportModel.h"
#include "models/Roles.h"
#include "models/TargetModel.h"
#include "shell/Actions.h"
#include "supervisor/ProbeProcess.h"
#include "supervisor/QProcessLauncher.h"
#include "targets/ShelfView.h"
#include "tray/TrayController.h"

using namespace aoesan;
using aoesan::test::Lab;
using supervisor::ExportState;
using ui::TargetModel;
using namespace std::chrono_literals;

namespace {

const QString kEngine = QStringLiteral(AOESAN_ENGINE_PATH);
constexpr std::uint16_t kShelf = 7;
constexpr std::uint8_t kSlot = 3;
constexpr qint64 kImageBytes = 8 << 20; // "8.00 MiB" in the Size column

} // namespace

class TestOwnExportLab : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void ownExportOnTheWatchedInterface();

private:
    std::unique_ptr<Lab> m_lab;
};

void TestOwnExportLab::initTestCase()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    QVERIFY2(QFile::exists(kEngine), qPrintable(kEngine));
    QLocale::setDefault(QLocale::c());
}

void TestOwnExportLab::cleanup()
{
    m_lab.reset();
}

void TestOwnExportLab::ownExportOnTheWatchedInterface()
{
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    qputenv("XDG_STATE_HOME", m_lab->workPath(QStringLiteral("state")).toLocal8Bit());
    const QString image = m_lab->createSparseImage(QStringLiteral("own.img"), kImageBytes);
    QVERIFY(!image.isEmpty());
    // One namespace, one interface: the probe and the engine both run on veth-t of the target namespace.
    const QString ip = Lab::findTool(QStringLiteral("ip"));
    const QStringList inNamespace {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->targetNamespace(), kEngine};
    const QString shared = Lab::targetInterface();

    // The program's wiring (app/gui/main.cpp) over the service, with the engines behind `ip netns exec`.
    TargetModel targets;
    ui::ExportModel exportModel;
    supervisor::QProcessProbeLauncher probeLauncher(ip, inNamespace);
    supervisor::QProcessLauncher engineLauncher({ip, inNamespace});
    test::LocalLink link({shared}, ui::SanLink::Owner::Gui, &probeLauncher, &engineLauncher);
    ui::DiscoveryController discovery(link, targets);
    ui::ExportController exports(link, exportModel);
    connect(&exports, &ui::ExportController::localExportsChanged, &targets, &TargetModel::setLocalExports);
    QMainWindow window;
    ui::ShelfView shelves(&targets, nullptr, &window);
    const auto tileLook = [&shelves]() -> std::optional<ui::TargetLook> {
        const auto *tile = shelves.layoutForTests().tileFor({kShelf, kSlot});
        return tile ? std::optional(tile->look) : std::nullopt;
    };
    ui::Actions actions(&window);
    ui::TrayController tray(targets, exportModel, exports, actions);
    ui::TrayOptions trayOptions;
    trayOptions.groupWindow = 50ms;
    tray.setOptions(trayOptions);
    connect(&discovery, &ui::DiscoveryController::targetWentDown, &tray, &ui::TrayController::targetWentDown);
    connect(&discovery, &ui::DiscoveryController::targetCameBack, &tray, &ui::TrayController::targetCameBack);
    QSignalSpy wentDown(&discovery, &ui::DiscoveryController::targetWentDown);
    const auto stopEverything = qScopeGuard([&] {
        // The service stops the probe and every engine; wait for them (not QTRY: it does not wait once the
        // test has failed, and the engines must end either way).
        QSignalSpy done(link.san.get(), &service::SanService::stopped);
        link.san->shutdown();
        (void)QTest::qWaitFor([&done] { return !done.isEmpty(); }, 10000);
    });

    QVERIFY(link.san->setInterfaces({shared}, 1s).ok());
    supervisor::ExportRecord record;
    record.name = QStringLiteral("own");
    record.path = image;
    record.shelf = kShelf;
    record.slot = kSlot;
    record.interface = shared;
    std::optional<ui::Problem> addProblem;
    bool addDone = false;
    exports.add(record, true, [&](std::optional<ui::Problem> p) {
        addProblem = std::move(p);
        addDone = true;
    });
    QTRY_VERIFY(addDone);
    QVERIFY2(!addProblem, addProblem ? qPrintable(addProblem->message) : "");

    // Heard on the wire: discovery's own snapshot, answered from the interface's MAC on that interface.
    const auto row = [&] { return targets.find({kShelf, kSlot}); };
    const auto heard = [&] {
        const auto *r = row();
        return r && r->discovered && r->discovered->identified && r->discovered->state == discovery::TargetState::Up;
    };
    QTRY_VERIFY_WITH_TIMEOUT(heard(), 15000);
    QCOMPARE(row()->discovered->paths.size(), 1U);
    QCOMPARE(QString::fromStdString(row()->discovered->paths.front().interfaceName), shared);
    QCOMPARE(row()->discovered->paths.front().mac, Lab::targetMac());
    QCOMPARE(row()->discovered->sectors, std::uint64_t(kImageBytes / 512));
    QTRY_COMPARE_WITH_TIMEOUT(exportModel.find(QStringLiteral("own"))->status.state, ExportState::Running, 10000);
    const int r = targets.rowOf({kShelf, kSlot});
    QCOMPARE(targets.rowCount(), 1);
    QCOMPARE(targets.index(r, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Exported));
    QCOMPARE(targets.index(r, TargetModel::State).data().toString(), QStringLiteral("up, exported here"));
    QCOMPARE(targets.index(r, TargetModel::Size).data().toString(), QStringLiteral("8.00 MiB"));
    QCOMPARE(targets.index(r, TargetModel::Interfaces).data().toString(), shared);
    QTRY_COMPARE(tileLook(), std::optional(ui::TargetLook::Exported)); // the Shelves tile: blue

    // Stopped: "stopped" at once, and still after discovery noticed the silence (3 × 1 s), with no notice.
    exports.stop(QStringLiteral("own"));
    QTRY_COMPARE_WITH_TIMEOUT(
        targets.index(r, TargetModel::State).data().toString(), QStringLiteral("stopped, exported here"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(row()->discovered->state == discovery::TargetState::Down, 10000);
    QTest::qWait(100); // past discovery's batching: its silence is no news, not even a signal
    QCOMPARE(wentDown.count(), 0);
    QCOMPARE(targets.index(r, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::ExportStopped));
    QCOMPARE(targets.index(r, TargetModel::State).data().toString(), QStringLiteral("stopped, exported here"));
    QCOMPARE(targets.counts().down, 0);
    QTRY_COMPARE(tileLook(), std::optional(ui::TargetLook::ExportStopped)); // grey, not red
    QVERIFY(tray.look() != ui::TrayLook::SomethingDown);
    QTest::qWait(200); // past the tray's grouping window
    QVERIFY2(tray.shown().empty(),
        tray.shown().empty()
            ? ""
            : qPrintable(tray.shown().front().title + QStringLiteral(": ") + tray.shown().front().body));

    // Started again while discovery still lists it as down: our own address is no clash, and its return
    // is no news either.
    std::optional<ui::Problem> startProblem;
    bool startDone = false;
    exports.start(QStringLiteral("own"), false, [&](std::optional<ui::Problem> p) {
        startProblem = std::move(p);
        startDone = true;
    });
    QTRY_VERIFY(startDone);
    QVERIFY2(!startProblem, startProblem ? qPrintable(startProblem->message) : "");
    QTRY_VERIFY_WITH_TIMEOUT(heard(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(targets.index(r, 0).data(ui::StateRole).toInt(), int(ui::TargetLook::Exported), 10000);
    QTest::qWait(200);
    QCOMPARE(tray.shown().size(), 0U);
}

QTEST_MAIN(TestOwnExportLab)
#include "tst_own_export_lab.moc"
