// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceSettingsFile and discovery's bound: `maxTargets` round-trips, is the default (4,096) when absent, and a
// value out of range (below 16, above 1,048,576, not whole, not a number) makes the file damaged: set aside
// with a report, the defaults used. The probe supervisor passes a bound that is not the default as
// --max-targets, and none for the default.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "FakeProbe.h"
#include "service/ServiceSettings.h"
#include "supervisor/ProbeSupervisor.h"

using namespace aoesan;
using service::ServiceSettings;
using service::ServiceSettingsFile;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestServiceSettings : public QObject
{
    Q_OBJECT

private slots:
    void maxTargetsRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service.json"));
        ServiceSettingsFile file(path);
        QString problem;
        QCOMPARE(file.load(&problem).maxTargets, discovery::kDefaultMaxTargets);
        ServiceSettings s;
        s.maxTargets = 20000;
        QVERIFY(file.save(s));
        const ServiceSettings back = file.load(&problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(back, s);
        // Written by hand without the key: the default.
        QVERIFY(writeFile(path, R"({"version": 1, "intervalSeconds": 5})"));
        QCOMPARE(file.load(&problem).maxTargets, discovery::kDefaultMaxTargets);
        QVERIFY(problem.isEmpty());
    }

    void badMaxTargetsIsADamagedFile_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addRow("below 16") << QByteArray("15");
        QTest::addRow("above 2^20") << QByteArray("1048577");
        QTest::addRow("not whole") << QByteArray("100.5");
        QTest::addRow("negative") << QByteArray("-4096");
        QTest::addRow("beyond any integer") << QByteArray("1e20");
        QTest::addRow("a string") << QByteArray(R"("many")");
    }

    void badMaxTargetsIsADamagedFile()
    {
        QFETCH(QByteArray, value);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service.json"));
        QVERIFY(writeFile(path, R"({"version": 1, "intervalSeconds": 5, "maxTargets": )" + value + "}"));
        QString problem;
        const ServiceSettings loaded = ServiceSettingsFile(path).load(&problem);
        QCOMPARE(loaded, ServiceSettings {});
        QVERIFY2(problem.contains(QStringLiteral("was damaged")), qPrintable(problem));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("service.json.corrupt-*")}).size(), 1);
    }

    void damagedTwiceInOneSecondKeepsBoth()
    {
        // The second damaged file used to replace the first one's copy (same name, removed first).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service.json"));
        const QByteArray first = R"({"version": 1, "intervalSeconds": "first"})";
        const QByteArray second = R"({"version": 1, "intervalSeconds": "second"})";
        for (const QByteArray &content : {first, second}) {
            QVERIFY(writeFile(path, content));
            QString problem;
            QCOMPARE(ServiceSettingsFile(path).load(&problem), ServiceSettings {});
            QVERIFY2(problem.contains(QStringLiteral("was kept as")), qPrintable(problem));
        }
        QList<QByteArray> kept;
        for (const QString &name : QDir(dir.path()).entryList({QStringLiteral("service.json.corrupt-*")})) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            kept << f.readAll();
        }
        QCOMPARE(kept.size(), 2);
        QVERIFY(kept.contains(first) && kept.contains(second));
    }

    void probeIsToldTheBound()
    {
        // One supervisor each: a probe let go by a second start() is deleted when it ends, which a fake never does.
        test::FakeProbeLauncher launcher;
        supervisor::ProbeSupervisor byDefault(launcher);
        byDefault.start({QStringLiteral("lan1")}, std::chrono::seconds(2));
        QVERIFY(!launcher.last()->arguments.contains(QStringLiteral("--max-targets")));
        supervisor::ProbeSupervisor raised(launcher);
        raised.start({QStringLiteral("lan1")}, std::chrono::seconds(2), 20000);
        const QStringList args = launcher.last()->arguments;
        const auto at = args.indexOf(QStringLiteral("--max-targets"));
        QVERIFY2(at >= 0 && args.value(at + 1) == QStringLiteral("20000"), qPrintable(args.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestServiceSettings)
#include "tst_service_settings.moc"
