// SPDX-License-Identifier: GPL-3.0-or-later
// aoesan-ctl bench run the way its help says, in a namespace lab, against aoesan's engine and vblade 25:
// a read run reports throughput, IOPS and ordered latency percentiles as JSON; writing is refused without
// --yes-destroy-data and leaves the image untouched; a --verify run writes stamped sectors that are in the
// image file afterwards and reads them all back; a read-only export's refusals fail the run with the ATA
// error; a target killed during a run ends it with a message, not a hang; usage errors send nothing.
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstring>

#include "tst_ctl_helpers.h"

using namespace aoesan::test;

namespace {

QByteArray md5Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace

class TestCtlBench : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_lab.reset(); }
    void readReportsFigures_data();
    void readReportsFigures();
    void writeNeedsConsent();
    void verifyWritesAndReadsBack_data();
    void verifyWritesAndReadsBack();
    void readOnlyExportFailsTheRun();
    void targetGoneEndsTheRun();
    void usageErrors_data();
    void usageErrors();

private:
    QProcess *startTarget(const QString &kind, const QStringList &options = {});
    Run bench(const QStringList &args, int timeoutMs = 60000) const;

    std::unique_ptr<Lab> m_lab;
    QString m_image;
};

void TestCtlBench::init()
{
    AOESAN_SKIP_IF(Lab::unavailableReason());
    AOESAN_SKIP_IF(Lab::missingTool(QStringLiteral("vblade")));
    m_lab = std::make_unique<Lab>();
    QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
    m_image = m_lab->createSparseImage(QStringLiteral("disk.img"), 16 << 20);
}

QProcess *TestCtlBench::startTarget(const QString &kind, const QStringList &options)
{
    QProcess *target = nullptr;
    if (kind == QLatin1String("vblade"))
        target = startVblade(*m_lab, 7, 3, Lab::targetInterface(), m_image, options);
    else
        target = m_lab->start(m_lab->targetNamespace(),
            QStringList {QStringLiteral(AOESAN_ENGINE), QStringLiteral("serve"), QStringLiteral("--no-state")} + options
                + QStringList {QStringLiteral("7"), QStringLiteral("3"), Lab::targetInterface(), m_image});
    if (target && !waitForTarget(*m_lab, 7, 3))
        return nullptr;
    return target;
}

Run TestCtlBench::bench(const QStringList &args, int timeoutMs) const
{
    return runIn(m_lab->initiatorNamespace(),
        ctl(QStringList {
                QStringLiteral("bench"), QStringLiteral("7.3"), QStringLiteral("-i"), Lab::initiatorInterface()}
            + args),
        timeoutMs);
}

void TestCtlBench::readReportsFigures_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("aoesan read") << QStringLiteral("aoesan") << QStringLiteral("read");
    QTest::newRow("aoesan randread") << QStringLiteral("aoesan") << QStringLiteral("randread");
    QTest::newRow("vblade read") << QStringLiteral("vblade") << QStringLiteral("read");
    QTest::newRow("vblade randread") << QStringLiteral("vblade") << QStringLiteral("randread");
}

void TestCtlBench::readReportsFigures()
{
    QFETCH(QString, kind);
    QFETCH(QString, pattern);
    QVERIFY(startTarget(kind));
    const QByteArray before = md5Of(m_image);
    const Run run = bench({QLatin1String("--") + pattern, QStringLiteral("--seconds"), QStringLiteral("1"),
        QStringLiteral("--depth"), QStringLiteral("8"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QVERIFY2(!json.isEmpty(), run.out.constData());
    QCOMPARE(json.value(QStringLiteral("target")).toString(), QStringLiteral("e7.3"));
    QCOMPARE(json.value(QStringLiteral("pattern")).toString(), pattern);
    QCOMPARE(json.value(QStringLiteral("block_bytes")).toInt(), pattern == QLatin1String("read") ? 65536 : 4096);
    QCOMPARE(json.value(QStringLiteral("mac")).toString(), QString::fromStdString(Lab::targetMac().toString()));
    const QJsonObject read = json.value(QStringLiteral("read")).toObject();
    QVERIFY2(read.value(QStringLiteral("ios")).toDouble() > 100, run.out.constData());
    QCOMPARE(read.value(QStringLiteral("bytes")).toDouble(),
        read.value(QStringLiteral("ios")).toDouble() * json.value(QStringLiteral("block_bytes")).toDouble());
    QVERIFY(read.value(QStringLiteral("mib_per_s")).toDouble() > 0);
    QCOMPARE(json.value(QStringLiteral("write")).toObject().value(QStringLiteral("ios")).toDouble(), 0.0);
    const QJsonObject latency = json.value(QStringLiteral("latency_us")).toObject();
    const double p50 = latency.value(QStringLiteral("p50")).toDouble();
    const double p99 = latency.value(QStringLiteral("p99")).toDouble();
    const double p999 = latency.value(QStringLiteral("p99_9")).toDouble();
    QVERIFY2(0 < latency.value(QStringLiteral("min")).toDouble()
            && latency.value(QStringLiteral("min")).toDouble() <= p50 && p50 <= p99 && p99 <= p999
            && p999 <= latency.value(QStringLiteral("max")).toDouble(),
        run.out.constData());
    QCOMPARE(json.value(QStringLiteral("errors")).toDouble(), 0.0);
    QVERIFY(json.value(QStringLiteral("frames_answered")).toDouble() >= read.value(QStringLiteral("ios")).toDouble());
    QVERIFY(json.value(QStringLiteral("cpu")).toObject().contains(QStringLiteral("percent_of_core")));
    QVERIFY2(json.value(QStringLiteral("seconds")).toDouble() >= 0.9, run.out.constData());
    QCOMPARE(md5Of(m_image), before); // reading wrote nothing

    // The text a person reads says the same.
    const Run text = bench({QLatin1String("--") + pattern, QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    QVERIFY2(text.out.startsWith(QByteArray(QByteArray("e7.3 on ") + Lab::initiatorInterface().toUtf8() + " (")),
        text.out.constData());
    QVERIFY2(
        text.out.contains("MiB/s") && text.out.contains("IOPS") && text.out.contains("p99.9"), text.out.constData());
    QVERIFY2(text.out.contains("bench CPU:"), text.out.constData());
}

void TestCtlBench::writeNeedsConsent()
{
    QVERIFY(startTarget(QStringLiteral("aoesan")));
    const QByteArray before = md5Of(m_image);
    for (const QString &pattern :
        {QStringLiteral("--write"), QStringLiteral("--randwrite"), QStringLiteral("--mixed")}) {
        const Run run = bench({pattern, QStringLiteral("--seconds"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains("overwrites e7.3's data") && run.err.contains("--yes-destroy-data"),
            qPrintable(run.describe()));
        QVERIFY(run.out.isEmpty());
    }
    QCOMPARE(md5Of(m_image), before);
}

void TestCtlBench::verifyWritesAndReadsBack_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("aoesan randwrite") << QStringLiteral("aoesan") << QStringLiteral("--randwrite");
    QTest::newRow("aoesan mixed") << QStringLiteral("aoesan") << QStringLiteral("--mixed");
    QTest::newRow("vblade write") << QStringLiteral("vblade") << QStringLiteral("--write");
    QTest::newRow("vblade mixed") << QStringLiteral("vblade") << QStringLiteral("--mixed");
}

void TestCtlBench::verifyWritesAndReadsBack()
{
    QFETCH(QString, kind);
    QFETCH(QString, pattern);
    QVERIFY(startTarget(kind));
    const Run run
        = bench({pattern, QStringLiteral("--verify"), QStringLiteral("--yes-destroy-data"), QStringLiteral("--seconds"),
            QStringLiteral("1"), QStringLiteral("--depth"), QStringLiteral("16"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonObject write = json.value(QStringLiteral("write")).toObject();
    const double writes = write.value(QStringLiteral("ios")).toDouble();
    QVERIFY2(writes > 100, run.out.constData());
    const QJsonObject verify = json.value(QStringLiteral("verify")).toObject();
    QCOMPARE(verify.value(QStringLiteral("mismatches")).toDouble(), 0.0);
    // At least every distinct block written was read back once at the end.
    QVERIFY2(verify.value(QStringLiteral("sectors")).toDouble() >= 8, run.out.constData());
    if (pattern == QLatin1String("--mixed")) {
        const double reads = json.value(QStringLiteral("read")).toObject().value(QStringLiteral("ios")).toDouble();
        const double share = reads / (reads + writes);
        QVERIFY2(share > 0.6 && share < 0.8, run.out.constData()); // --read-percent 70 by default
    }

    // The writes are in the file, each sector stamped with its own LBA (VerifyPattern's layout).
    QFile file(m_image);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray image = file.readAll();
    int stamped = 0;
    for (qsizetype at = 0; at + 512 <= image.size(); at += 512) {
        std::uint64_t head[2];
        std::memcpy(head, image.constData() + at, sizeof head);
        if (head[0] == 0x6165736e62656e63ULL) {
            QCOMPARE(head[1], std::uint64_t(at / 512));
            ++stamped;
        }
    }
    QVERIFY2(stamped >= 8, qPrintable(QString::number(stamped)));
}

void TestCtlBench::readOnlyExportFailsTheRun()
{
    QVERIFY(startTarget(QStringLiteral("aoesan"), {QStringLiteral("-r")}));
    const QByteArray before = md5Of(m_image);
    const Run run = bench({QStringLiteral("--randwrite"), QStringLiteral("--yes-destroy-data"),
        QStringLiteral("--seconds"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(
        run.err.contains("e7.3: ATA error at LBA") || run.err.contains("e7.3: AoE error"), qPrintable(run.describe()));
    QVERIFY2(run.out.contains("errors: ") && !run.out.contains("errors: 0\n"), qPrintable(run.describe()));
    QCOMPARE(md5Of(m_image), before);
}

void TestCtlBench::targetGoneEndsTheRun()
{
    QProcess *target = startTarget(QStringLiteral("aoesan"));
    QVERIFY(target);
    QProcess benchRun;
    benchRun.setProgram(Lab::findTool(QStringLiteral("ip")));
    benchRun.setArguments(QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_lab->initiatorNamespace()}
        + ctl({QStringLiteral("bench"), QStringLiteral("7.3"), QStringLiteral("-i"), Lab::initiatorInterface(),
            QStringLiteral("--seconds"), QStringLiteral("30")}));
    benchRun.start();
    QVERIFY(benchRun.waitForStarted());
    QTest::qWait(1500);
    target->kill();
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(benchRun.waitForFinished(20000), "bench did not end after its target was killed");
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(benchRun.exitCode(), 1);
    const QByteArray err = benchRun.readAllStandardError();
    QVERIFY2(err.contains("the target stopped answering"), err.constData());
}

void TestCtlBench::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("two patterns") << QStringList {QStringLiteral("--read"), QStringLiteral("--write")}
                                  << QStringLiteral("choose one of");
    QTest::newRow("odd block") << QStringList {QStringLiteral("--bs"), QStringLiteral("1000")}
                               << QStringLiteral("not a block size");
    QTest::newRow("depth 0") << QStringList {QStringLiteral("--depth"), QStringLiteral("0")}
                             << QStringLiteral("--depth");
    QTest::newRow("verify reads") << QStringList {QStringLiteral("--verify")} << QStringLiteral("--verify checks");
    QTest::newRow("percent") << QStringList {QStringLiteral("--mixed"), QStringLiteral("--read-percent"),
        QStringLiteral("101")}
                             << QStringLiteral("--read-percent");
    QTest::newRow("block past the target")
        << QStringList {QStringLiteral("--bs"), QStringLiteral("16m"), QStringLiteral("--depth"), QStringLiteral("1")}
        << QStringLiteral("smaller than one block");
}

void TestCtlBench::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    m_image = m_lab->createSparseImage(QStringLiteral("small.img"), 8 << 20); // smaller than --bs 16m
    QVERIFY(startTarget(QStringLiteral("aoesan")));
    const Run run = bench(args);
    QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(says.toUtf8()), qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCtlBench)
#include "tst_ctl_bench.moc"
