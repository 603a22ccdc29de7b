// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery as the window sees it, over an in-process service whose probe is a FakeProbe (LocalLink):
// the service's targets reaching the model in batches, up/down transitions for the tray, every discovery
// problem of the service turned into a Problem with the fix (engine missing, no permission, no
// interfaces), the service going away and coming back, the person's commands reaching the service.
// Restarts with back-off after a crash (the service's ProbeSupervisor). Also the probe stream reader
// (core/discovery/ProbeEvent) on the documented field names.
#include <QSignalSpy>
#include <QTest>

#include "FakeProbe.h"
#include "Fixtures.h"
#include "LocalLink.h"
#include "discovery/DiscoveryController.h"
#include "discovery/ProbeEvent.h"
#include "models/TargetModel.h"
#include "supervisor/ProbeSupervisor.h"

using namespace aoesan;
using discovery::TargetState;

class TestDiscoveryController : public QObject
{
    Q_OBJECT

private slots:
    void readerRoundTripsTargetJson()
    {
        auto t = test::target(7, 3);
        t.conflict = true;
        t.conflictDetail = "two sizes";
        t.configString = "rack-b/3";
        const QByteArray line = QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("state")},
                                                  {QStringLiteral("target"), discovery::targetToJson(t)}})
                                    .toJson(QJsonDocument::Compact);
        const auto event = discovery::parseProbeEvent(line);
        const auto *te = std::get_if<discovery::probe::TargetEvent>(&event);
        QVERIFY(te);
        QCOMPARE(te->kind, discovery::probe::TargetEvent::Kind::State);
        QCOMPARE(te->target, t);
    }

    void readerSurvivesGarbage_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("garbage");
        QTest::addRow("empty") << QByteArray() << true;
        QTest::addRow("text") << QByteArray("pid 12: e7.3") << true;
        QTest::addRow("array") << QByteArray("[1,2]") << true;
        QTest::addRow("no event") << QByteArray("{\"target\":{}}") << true;
        QTest::addRow("target without address")
            << QByteArray("{\"event\":\"added\",\"target\":{\"shelf\":\"x\"}}") << true;
        QTest::addRow("shelf out of range")
            << QByteArray("{\"event\":\"added\",\"target\":{\"shelf\":70000,\"slot\":1}}") << true;
        QTest::addRow("unknown event") << QByteArray("{\"event\":\"hello\"}") << false;
    }

    void readerSurvivesGarbage()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, garbage);
        const auto event = discovery::parseProbeEvent(line);
        QCOMPARE(std::holds_alternative<discovery::probe::Garbage>(event), garbage);
    }

    // An export of this machine that is not running falls silent on the wire: no targetWentDown (so no
    // notification and no "is down" in the person's log), and no targetCameBack when it is started again.
    // A running export that goes silent is news, and so is its return.
    void stoppedExportHereIsNoNews()
    {
        using supervisor::ExportState;
        test::LocalLink link({QStringLiteral("lan1")});
        ui::TargetModel model;
        ui::DiscoveryController discovery(link, model);
        QSignalSpy down(&discovery, &ui::DiscoveryController::targetWentDown);
        QSignalSpy up(&discovery, &ui::DiscoveryController::targetCameBack);
        const auto mine = [](ExportState state) {
            return ui::LocalExport {{5, 1}, QStringLiteral("disk"), QStringLiteral("lan1"), state, 8, {}};
        };
        auto *p = link.probe();
        QVERIFY(p);
        p->sayStarted({QStringLiteral("lan1")});
        model.setLocalExports({mine(ExportState::Running)});
        p->sayTarget("added", test::target(5, 1, 8));
        QTRY_COMPARE(model.rowCount(), 1);

        model.setLocalExports({mine(ExportState::Stopped)});
        p->sayTarget("state", test::target(5, 1, 8, TargetState::Down));
        QTRY_VERIFY(model.find({5, 1})->discovered->state == TargetState::Down); // the silence arrived
        QCOMPARE(model.counts().down + model.counts().up, 0); // stopped: neither up nor down
        QCOMPARE(down.count(), 0);
        p->sayTarget("state", test::target(5, 1, 8)); // answers again, e.g. while starting
        QTRY_VERIFY(model.find({5, 1})->discovered->state == TargetState::Up);
        model.setLocalExports({mine(ExportState::Running)});
        QCOMPARE(model.counts().up, 1);
        QTest::qWait(50);
        QCOMPARE(down.count(), 0);
        QCOMPARE(up.count(), 0);

        p->sayTarget("state", test::target(5, 1, 8, TargetState::Down));
        QTRY_COMPARE(down.count(), 1);
        p->sayTarget("state", test::target(5, 1, 8));
        QTRY_COMPARE(up.count(), 1);
        // Quitting: nothing is news any more.
        discovery.stop();
        p->sayTarget("state", test::target(5, 1, 8, TargetState::Down));
        QTRY_VERIFY(model.find({5, 1})->discovered->state == TargetState::Down);
        QTest::qWait(150);
        QCOMPARE(down.count(), 1);
    }

    void eventsReachTheModelAndTransitionsAreReported()
    {
        test::LocalLink link({QStringLiteral("lan1"), QStringLiteral("lan2")});
        ui::TargetModel model;
        ui::DiscoveryController discovery(link, model);
        QSignalSpy down(&discovery, &ui::DiscoveryController::targetWentDown);
        QSignalSpy up(&discovery, &ui::DiscoveryController::targetCameBack);
        QSignalSpy log(&discovery, &ui::DiscoveryController::logMessage);
        auto *p = link.probe();
        QVERIFY(p);
        QVERIFY(p->arguments.contains(QStringLiteral("lan2")));
        p->sayStarted({QStringLiteral("lan1"), QStringLiteral("lan2")});
        QTRY_VERIFY(discovery.lastProbe().isValid());
        QVERIFY(discovery.isRunning());
        QCOMPARE(discovery.interfaces(), (QStringList {QStringLiteral("lan1"), QStringLiteral("lan2")}));
        p->sayTarget("added", test::target(1, 0));
        p->sayTarget("added", test::target(1, 1));
        QCOMPARE(model.rowCount(), 0); // batched
        QTRY_COMPARE(model.rowCount(), 2);
        p->sayTarget("state", test::target(1, 1, 131072, TargetState::Down));
        QTRY_COMPARE(down.count(), 1);
        QCOMPARE(model.counts().down, 1);
        p->sayTarget("state", test::target(1, 1));
        QTRY_COMPARE(up.count(), 1);
        p->sayTarget("removed", test::target(1, 0));
        QTRY_COMPARE(model.rowCount(), 1);
        discovery.discoverNow();
        QTRY_COMPARE(p->written, QByteArrayList {QByteArrayLiteral("probe")});
        QCOMPARE(link.calls, QStringList {QStringLiteral("ProbeNow")});

        // The service goes away: its targets go with it, and the problem says so; back, they return.
        QSignalSpy problems(&discovery, &ui::DiscoveryController::problemChanged);
        link.vanish();
        QTRY_COMPARE(model.rowCount(), 0);
        QCOMPARE(discovery.problem()->code, QStringLiteral("service-gone"));
        QVERIFY(!discovery.isRunning());
        link.appear();
        QTRY_COMPARE(model.rowCount(), 1);
        QVERIFY(!discovery.problem());
        QCOMPARE(down.count(), 1); // coming back is no transition
        QCOMPARE(up.count(), 1);
        QVERIFY(problems.count() >= 2);
    }

    // Settings' interfaces and interval go to the service (Manager.SetInterfaces).
    void configureSetsTheServicesInterfaces()
    {
        test::LocalLink link(QStringList {});
        ui::TargetModel model;
        ui::DiscoveryController discovery(link, model);
        QCOMPARE(discovery.problem()->code, QStringLiteral("no-interfaces")); // nothing up: the GUI's own words
        QVERIFY(discovery.problem()->fix.contains(QStringLiteral("--lab")));
        discovery.configure({QStringLiteral("lan7")}, std::chrono::seconds(4));
        QTRY_COMPARE(discovery.interfacesSetting(), QStringList {QStringLiteral("lan7")});
        QCOMPARE(discovery.interval(), std::chrono::seconds(4));
        QCOMPARE(discovery.interfaces(), QStringList {QStringLiteral("lan7")});
        QVERIFY(link.probe()->arguments.contains(QStringLiteral("lan7")));
        // A refused setting is a problem with the service's reason.
        link.probe()->sayStarted({QStringLiteral("lan7")});
        QTRY_VERIFY(!discovery.problem());
        discovery.configure({QStringLiteral("bad/name")}, std::chrono::seconds(4));
        QTRY_VERIFY(discovery.problem() && discovery.problem()->message.contains(QStringLiteral("not changed")));
    }

    void forgetDownFlushesFirst()
    {
        test::LocalLink link({QStringLiteral("lan1")});
        ui::TargetModel model;
        ui::DiscoveryController discovery(link, model);
        link.probe()->sayStarted({QStringLiteral("lan1")});
        link.probe()->sayTarget("added", test::target(3, 3, 8, TargetState::Down));
        QSignalSpy log(&discovery, &ui::DiscoveryController::logMessage);
        discovery.forgetDown();
        QCOMPARE(model.rowCount(), 1); // flushed: the one down target is counted
        QTRY_VERIFY(link.probe()->written.contains(QByteArrayLiteral("forget-down")));
        link.probe()->sayTarget("removed", test::target(3, 3, 8, TargetState::Down));
        QTRY_COMPARE(model.rowCount(), 0);
        QCOMPARE(log.count(), 1);
    }

    void limitReachedIsReportedAndClears()
    {
        // The probe's limit event ([12]) reaches the window through the service (Manager.DiscoveryLimit).
        test::LocalLink link({QStringLiteral("lan1")});
        ui::TargetModel model;
        ui::DiscoveryController discovery(link, model);
        link.probe()->sayStarted({QStringLiteral("lan1")});
        QSignalSpy log(&discovery, &ui::DiscoveryController::logMessage);
        QVERIFY(!discovery.limit().reached);
        link.probe()->say({{QStringLiteral("event"), QStringLiteral("limit")}, {QStringLiteral("reached"), true},
            {QStringLiteral("maxTargets"), 4096}, {QStringLiteral("maxPaths"), 16},
            {QStringLiteral("refusedTargets"), 120}, {QStringLiteral("refusedPaths"), 3}});
        QTRY_VERIFY(discovery.limit().reached);
        QCOMPARE(discovery.limit().maxTargets, 4096U);
        QCOMPARE(discovery.limit().maxPaths, 16U);
        QCOMPARE(discovery.limit().refusedTargets, 120U);
        QCOMPARE(discovery.limit().refusedPaths, 3U);
        QTRY_COMPARE(log.count(), 1);
        QVERIFY(log.last().first().toString().contains(QStringLiteral("4096")));
        link.probe()->say({{QStringLiteral("event"), QStringLiteral("limit")}, {QStringLiteral("reached"), false},
            {QStringLiteral("maxTargets"), 4096}, {QStringLiteral("maxPaths"), 16},
            {QStringLiteral("refusedTargets"), 130}, {QStringLiteral("refusedPaths"), 3}});
        QTRY_VERIFY(!discovery.limit().reached);
        QCOMPARE(discovery.limit().refusedTargets, 130U);
        QTRY_COMPARE(log.count(), 2);
    }

    void failuresBecomeProblemsWithTheFix()
    {
        test::LocalLink link({QStringLiteral("lan1")});
        ui::TargetModel model;
        ui::DiscoveryController discovery(link, model);
        QVERIFY(!discovery.problem());

        // The engine is not installed.
        link.probe()->end(supervisor::ProcessExit::failedToStart(QStringLiteral("aoesan-engine: No such file")));
        QTRY_VERIFY(discovery.problem());
        QCOMPARE(discovery.problem()->code, QStringLiteral("engine-missing"));
        QVERIFY(discovery.problem()->fix.contains(QStringLiteral("AOESAN_ENGINE")));

        // No permission (the service publishes it as DiscoveryProblem no-permission): the engine's own words
        // and fix, the banner's.
        discovery.configure({QStringLiteral("lan1")}, std::chrono::seconds(9));
        QTRY_COMPARE(link.probes.launched.size(), 2U);
        link.probe()->sayStarted({QStringLiteral("lan1")});
        QTRY_VERIFY(!discovery.problem());
        link.probe()->say({{QStringLiteral("event"), QStringLiteral("error")},
            {QStringLiteral("code"), QStringLiteral("no-permission")},
            {QStringLiteral("message"), QStringLiteral("aoesan-engine may not open raw sockets")},
            {QStringLiteral("fix"), QStringLiteral("sudo usermod -aG aoesan $USER")}});
        link.probe()->end(supervisor::ProcessExit::exited(3));
        QTRY_VERIFY(discovery.problem());
        QCOMPARE(discovery.problem()->code, QStringLiteral("no-permission"));
        QCOMPARE(discovery.problem()->fix, QStringLiteral("sudo usermod -aG aoesan $USER"));
        QTest::qWait(50);
        QCOMPARE(link.probes.launched.size(), 2U); // not restarted: it cannot help
    }

    void crashesRestartWithBackOff()
    {
        test::FakeProbeLauncher launcher;
        supervisor::ProbeSupervisor probe(launcher);
        probe.setRestartDelay(std::chrono::milliseconds(10));
        QSignalSpy restarting(&probe, &supervisor::ProbeSupervisor::restarting);
        QSignalSpy problems(&probe, &supervisor::ProbeSupervisor::problem);
        probe.start({QStringLiteral("lan1")}, std::chrono::seconds(1));
        for (int i = 0; i < 3; ++i) {
            launcher.last()->end(supervisor::ProcessExit::signalled());
            QTRY_COMPARE(launcher.launched.size(), std::size_t(i + 2));
        }
        QCOMPARE(restarting.count(), 3);
        QVERIFY(restarting.at(2).at(1).value<std::chrono::milliseconds>()
            > restarting.at(0).at(1).value<std::chrono::milliseconds>());
        // Crashing before ever starting, again and again: it gives up with a problem.
        for (int i = 0; i < 10 && problems.isEmpty(); ++i) {
            const auto before = launcher.launched.size();
            launcher.last()->end(supervisor::ProcessExit::exited(1));
            if (problems.isEmpty())
                QTRY_COMPARE_WITH_TIMEOUT(launcher.launched.size(), before + 1, 15000);
        }
        QCOMPARE(problems.count(), 1);
    }
};

QTEST_MAIN(TestDiscoveryController)
#include "tst_discovery_controller.moc"
