// SPDX-License-Identifier: GPL-3.0-or-later
// RunningExports and the service's start: a restart in the same boot (a package upgrade, systemctl
// restart) brings back exactly the exports that were serving; a new boot starts the autostart ones.
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "SupervisorFakes.h"
#include "service/RunningExports.h"
#include "service/SanService.h"

using namespace aoesan;
using aoesan::service::RunningExports;

namespace {

class NoProbes final : public supervisor::ProbeLauncher
{
public:
    std::unique_ptr<supervisor::ProbeProcess> launch(const QStringList &) override { return nullptr; }
};

// One service run over the same directories, as one start of aoesan-service.
struct ServiceRun
{
    ServiceRun(const QTemporaryDir &dir, const QString &bootId)
    {
        service::SanServiceOptions options;
        options.configDir = dir.filePath(QStringLiteral("etc"));
        options.stateDir = dir.filePath(QStringLiteral("state"));
        options.discovery = false;
        options.bootId = bootId;
        san = std::make_unique<service::SanService>(options, engines, probes, clock, nullptr);
        san->setLocalMacs([] { return std::vector<protocol::MacAddress>(); });
    }
    // The exports the service is serving or starting (the fake engines never end by themselves).
    QStringList launchedNames() const
    {
        using supervisor::ExportState;
        QStringList names;
        for (const auto &r : san->records()) {
            const auto state = san->status(r.name).state;
            if (state == ExportState::Starting || state == ExportState::Running)
                names << r.name;
        }
        names.sort();
        return names;
    }
    test::FakeProcessLauncher engines;
    NoProbes probes;
    test::FakeSupervisorClock clock;
    std::unique_ptr<service::SanService> san;
};

supervisor::ExportRecord record(const QTemporaryDir &dir, const QString &name, std::uint8_t slot, bool autostart)
{
    const QString image = dir.filePath(name + QStringLiteral(".img"));
    QFile f(image);
    if (f.open(QIODevice::WriteOnly))
        f.resize(1 << 20);
    supervisor::ExportRecord r;
    r.name = name;
    r.path = image;
    r.shelf = 7;
    r.slot = slot;
    r.interface = QStringLiteral("lan1");
    r.autostart = autostart;
    return r;
}

} // namespace

class TestRunningExports : public QObject
{
    Q_OBJECT

private slots:
    void fileRoundTripsWithinOneBoot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state/running.json"));
        RunningExports thisBoot(path, QStringLiteral("boot-a"));
        QString problem;
        QCOMPARE(thisBoot.restore(&problem), std::nullopt); // nothing saved yet
        QVERIFY(thisBoot.save({QStringLiteral("b"), QStringLiteral("a")}));
        QCOMPARE(thisBoot.restore(&problem), std::optional<QStringList>({QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(thisBoot.save({}));
        QCOMPARE(thisBoot.restore(&problem), std::optional<QStringList>(QStringList()));
        QVERIFY(problem.isEmpty());
        // The next boot does not restore the last one's list.
        QVERIFY(thisBoot.save({QStringLiteral("a")}));
        QCOMPARE(RunningExports(path, QStringLiteral("boot-b")).restore(&problem), std::nullopt);
        // No boot id: never restores.
        QCOMPARE(RunningExports(path, QString()).restore(&problem), std::nullopt);
    }

    void damagedFileIsSetAsideWithAReport()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("running.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"boot\": \"boot-a\", \"running\": 7");
        f.close();
        QString problem;
        QCOMPARE(RunningExports(path, QStringLiteral("boot-a")).restore(&problem), std::nullopt);
        QVERIFY2(problem.contains(QStringLiteral("damaged")) && problem.contains(QStringLiteral("autostart")),
            qPrintable(problem));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("running.json.damaged-*")}).size(), 1);
    }

    void currentBootIdIsTheKernels()
    {
        if (!QFile::exists(QStringLiteral("/proc/sys/kernel/random/boot_id")))
            QSKIP("no /proc/sys/kernel/random/boot_id here");
        const QString id = RunningExports::currentBootId();
        QCOMPARE(id.size(), 36); // a UUID
        QCOMPARE(RunningExports::currentBootId(), id);
    }

    void restartInTheSameBootBringsBackWhatWasServing()
    {
        QTemporaryDir dir;
        {
            ServiceRun first(dir, QStringLiteral("boot-a"));
            first.san->start();
            QVERIFY(first.san->add(record(dir, QStringLiteral("auto"), 1, true), true, false));
            QVERIFY(first.san->add(record(dir, QStringLiteral("byhand"), 2, false), false, false));
            QVERIFY(first.san->add(record(dir, QStringLiteral("idle"), 3, false), false, false));
            // A person starts one by hand and stops the autostart one.
            QVERIFY(first.san->startExport(QStringLiteral("byhand"), false));
            QVERIFY(first.san->stopExport(QStringLiteral("auto")));
            QCOMPARE(first.launchedNames(), QStringList({QStringLiteral("byhand")}));
            first.san->shutdown(); // the service's own stop changes nothing the next start reads
        }
        {
            ServiceRun upgraded(dir, QStringLiteral("boot-a"));
            upgraded.san->start();
            QCOMPARE(upgraded.launchedNames(), QStringList({QStringLiteral("byhand")}));
            QCOMPARE(upgraded.engines.launches(), 1);
            upgraded.san->shutdown();
        }
        {
            ServiceRun rebooted(dir, QStringLiteral("boot-b"));
            rebooted.san->start();
            QCOMPARE(rebooted.launchedNames(), QStringList({QStringLiteral("auto")}));
            // A removed export is not wanted any more, in this boot or the next.
            QVERIFY(rebooted.san->remove(QStringLiteral("auto")));
            rebooted.san->shutdown();
        }
        {
            ServiceRun again(dir, QStringLiteral("boot-b"));
            again.san->start();
            QCOMPARE(again.launchedNames(), QStringList());
            QCOMPARE(again.engines.launches(), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestRunningExports)
#include "tst_running_exports.moc"
