// SPDX-License-Identifier: GPL-3.0-or-later
// RunningExports and the service's start: a restart in the same boot (a package upgrade, systemctl
// restart) brings back exactly the exports that were serving; a new boot starts the autostart ones.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include "SupervisorFakes.h"
#include "service/RunningExports.h"
#include "service/SanService.h"

using namespace aoesan;
using aoesan::service::RunningExports;

namespace {

// A FIFO at `path` (kind "fifo") or a link to a device ("/dev/zero").
bool makeSpecial(const QString &path, const QString &kind)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (kind == QLatin1String("fifo"))
        return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0;
    return QFile::link(kind, path);
}

// Still what makeSpecial() made: never replaced, truncated or set aside.
bool stillSpecial(const QString &path, const QString &kind)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return kind == QLatin1String("fifo") ? S_ISFIFO(st.st_mode)
                                         : S_ISLNK(st.st_mode) && QFileInfo(path).symLinkTarget() == kind;
}

QString kindSaid(const QString &kind)
{
    return kind == QLatin1String("fifo") ? QStringLiteral("is a FIFO, not a regular file")
                                         : QStringLiteral("is a character device, not a regular file");
}

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

private:
    static void kinds()
    {
        QTest::addColumn<QString>("kind");
        QTest::addRow("FIFO") << QStringLiteral("fifo");
        QTest::addRow("link to /dev/zero") << QStringLiteral("/dev/zero");
    }

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

    void specialFileIsLeftAlone_data() { kinds(); }
    void specialFileIsLeftAlone()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("running.json"));
        QVERIFY(makeSpecial(path, kind));
        RunningExports running(path, QStringLiteral("boot-a"));
        QString problem;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(running.restore(&problem), std::nullopt);
        QVERIFY2(clock.elapsed() < 2000, "restore() must not wait on a FIFO or read a device");
        QCOMPARE(problem,
            QStringLiteral("the list of running exports %1 %2: the autostart exports are started instead")
                .arg(path, kindSaid(kind)));
        const auto saved = running.save({QStringLiteral("a")});
        QVERIFY(!saved);
        QVERIFY2(saved.error().endsWith(QStringLiteral("; it was left as it is and not replaced")),
            qPrintable(saved.error()));
        QVERIFY(stillSpecial(path, kind));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size(), 1);
    }

    // The service's three files at once: its start reports each at once and goes on with none of them; an
    // add or a settings change is refused rather than replacing the export list or the settings file.
    void serviceLeavesSpecialFilesAlone_data() { kinds(); }
    void serviceLeavesSpecialFilesAlone()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        const QString list = dir.filePath(QStringLiteral("etc/exports.json"));
        const QString settings = dir.filePath(QStringLiteral("etc/service.json"));
        const QString running = dir.filePath(QStringLiteral("state/running.json"));
        for (const auto &p : {list, settings, running})
            QVERIFY(makeSpecial(p, kind));
        ServiceRun run(dir, QStringLiteral("boot-a"));
        QElapsedTimer clock;
        clock.start();
        const QStringList problems = run.san->start();
        QVERIFY2(clock.elapsed() < 3000, "the service's start must not wait on a FIFO or read a device");
        QVERIFY2(problems.contains(QStringLiteral("the export list %1 %2").arg(list, kindSaid(kind))),
            qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(
            problems.contains(
                QStringLiteral("the settings file %1 %2; using the default settings").arg(settings, kindSaid(kind))),
            qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(run.san->records().empty());

        const auto added = run.san->add(record(dir, QStringLiteral("new"), 1, false), false, false);
        QVERIFY(!added);
        QVERIFY2(added.error().message.contains(QStringLiteral("it was left as it is and nothing was saved")),
            qPrintable(added.error().message));
        QVERIFY(run.san->records().empty()); // not kept in memory either: it would be lost at the next start
        const auto set = run.san->setInterfaces({QStringLiteral("lan1")}, std::chrono::seconds(0));
        QVERIFY(!set);
        QVERIFY2(set.error().message.contains(QStringLiteral("the settings were not saved")),
            qPrintable(set.error().message));
        run.san->shutdown();
        for (const auto &p : {list, settings, running})
            QVERIFY2(stillSpecial(p, kind), qPrintable(p));
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
