// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery as the window sees it, with a fake probe: the probe's arguments, its events reaching the
// model in batches, up/down transitions for the tray, and every failure turned into a Problem with the
// fix (engine missing, no permission, no interfaces), restarts with back-off after a crash. Also the
// probe stream reader (core/discovery/ProbeEvent) on the documented field names.
#include <QSignalSpy>
#include <QTest>

#include "FakeProbe.h"
#include "Fixtures.h"
#include "discovery/DiscoveryController.h"
#include "supervisor/ProbeSupervisor.h"
#include "discovery/ProbeEvent.h"
#include "models/TargetModel.h"

using namespace aoesan;
using discovery::TargetState;

class TestDiscoveryController : public QObject
{
    Q_OBJECT

private:
    static ui::DiscoveryController::InterfaceLister lister(QStringList names)
    {
        return [names] { return Result<QStringList, QString>(names); };
    }

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
        test::FakeProbeLauncher launcher;
        supervisor::ProbeSupervisor probe(launcher);
        ui::TargetModel model;
        ui::DiscoveryController discovery(probe, model, lister({QStringLiteral("lan1")}));
        QSignalSpy down(&discovery, &ui::DiscoveryController::targetWentDown);
        QSignalSpy up(&discovery, &ui::DiscoveryController::targetCameBack);
        const auto mine = [](ExportState state) {
            return ui::LocalExport {{5, 1}, QStringLiteral("disk"), QStringLiteral("lan1"), state, 8, {}};
        };
        discovery.start({}, std::chrono::seconds(5));
        auto *p = launcher.last();
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
        discovery.stop();
    }

    void eventsReachTheModelAndTransitionsAreReported()
    {
        test::FakeProbeLauncher launcher;
        supervisor::ProbeSupervisor probe(launcher);
        ui::TargetModel model;
        ui::DiscoveryController discovery(probe, model, lister({QStringLiteral("lan1"), QStringLiteral("lan2")}));
        QSignalSpy down(&discovery, &ui::DiscoveryController::targetWentDown);
        QSignalSpy up(&discovery, &ui::DiscoveryController::targetCameBack);
        discovery.start({}, std::chrono::seconds(5));
        auto *p = launcher.last();
        QVERIFY(p);
        QCOMPARE(p->arguments,
            (QStringList {QStringLiteral("-i"), QStringLiteral("lan1"), QStringLiteral("-i"), QStringLiteral("lan2"),
                QStringLiteral("--interval"), QStringLiteral("5")}));
        p->sayStarted({QStringLiteral("lan1"), QStringLiteral("lan2")});
        QVERIFY(discovery.lastProbe().isValid());
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
        QCOMPARE(p->written, QByteArrayList {QByteArrayLiteral("probe")});
        discovery.stop();
        QVERIFY(p->stopped);
    }

    void forgetDownFlushesFirst()
    {
        test::FakeProbeLauncher launcher;
        supervisor::ProbeSupervisor probe(launcher);
        ui::TargetModel model;
        ui::DiscoveryController discovery(probe, model, lister({QStringLiteral("lan1")}));
        discovery.start({QStringLiteral("lan1")}, std::chrono::seconds(1));
        launcher.last()->sayTarget("added", test::target(3, 3, 8, TargetState::Down));
        discovery.forgetDown();
        QCOMPARE(model.rowCount(), 0);
    }

    void failuresBecomeProblemsWithTheFix()
    {
        test::FakeProbeLauncher launcher;
        supervisor::ProbeSupervisor probe(launcher);
        ui::TargetModel model;
        ui::DiscoveryController discovery(probe, model, lister({}));
        QSignalSpy problems(&discovery, &ui::DiscoveryController::problemChanged);

        // No interface that is up.
        discovery.start({}, std::chrono::seconds(10));
        QCOMPARE(problems.count(), 1);
        QCOMPARE(discovery.problem()->code, QStringLiteral("no-interfaces"));
        QVERIFY(discovery.problem()->fix.contains(QStringLiteral("--lab")));
        QVERIFY(launcher.launched.empty());

        // The engine is not installed.
        discovery.start({QStringLiteral("lan1")}, std::chrono::seconds(10));
        QVERIFY(!discovery.problem());
        launcher.last()->end(supervisor::ProcessExit::failedToStart(QStringLiteral("aoesan-engine: No such file")));
        QCOMPARE(discovery.problem()->code, QStringLiteral("engine-missing"));
        QVERIFY(discovery.problem()->fix.contains(QStringLiteral("AOESAN_ENGINE")));

        // No permission: the engine's own words and fix.
        discovery.start({QStringLiteral("lan1")}, std::chrono::seconds(10));
        launcher.last()->say({{QStringLiteral("event"), QStringLiteral("error")},
            {QStringLiteral("code"), QStringLiteral("no-permission")},
            {QStringLiteral("message"), QStringLiteral("aoesan-engine may not open raw sockets")},
            {QStringLiteral("fix"), QStringLiteral("sudo usermod -aG aoesan $USER")}});
        launcher.last()->end(supervisor::ProcessExit::exited(3));
        QCOMPARE(discovery.problem()->code, QStringLiteral("no-permission"));
        QCOMPARE(discovery.problem()->fix, QStringLiteral("sudo usermod -aG aoesan $USER"));
        QCOMPARE(launcher.launched.size(), 2U); // not restarted: it cannot help
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
