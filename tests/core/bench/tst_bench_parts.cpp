// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of aoesan-ctl bench that a wrong figure or a missed corruption would come from: percentiles
// within the histogram's promised 3 % of the exact order statistic, every value inside its bucket, the
// verify pattern catching a changed byte, a sector from elsewhere and an older write, the --bs words, and
// the spec checks a person meets before any frame is sent.
#include <QTest>

#include <algorithm>
#include <random>
#include <vector>

#include "bench/BenchReport.h"
#include "bench/BenchRunner.h"
#include "bench/LatencyHistogram.h"
#include "bench/VerifyPattern.h"

using namespace aoesan::bench;

class TestBenchParts : public QObject
{
    Q_OBJECT

private slots:
    void bucketsHoldTheirValues();
    void percentilesMatchTheSortedList();
    void emptyAndSingle();
    void mergeAddsCounts();
    void patternRoundTrips();
    void patternCatchesWrongData();
    void byteSizes();
    void patternWords();
    void specProblems();
    void reportsSayWhatWasMeasured();
};

void TestBenchParts::bucketsHoldTheirValues()
{
    std::mt19937_64 rng(7);
    for (int i = 0; i < 200000; ++i) {
        const std::uint64_t v = rng() >> (2 + rng() % 62); // below 2^62: the top bucket's end is 2^64
        const std::size_t b = LatencyHistogram::bucketOf(v);
        QVERIFY2(LatencyHistogram::lowerBound(b) <= v && v < LatencyHistogram::upperBound(b),
            qPrintable(QString::number(v)));
    }
    for (std::size_t b = 1; b < 64 + 57 * 32; ++b)
        QCOMPARE(LatencyHistogram::lowerBound(b), LatencyHistogram::upperBound(b - 1));
}

void TestBenchParts::percentilesMatchTheSortedList()
{
    // Latencies as a veth run gives them: most near 100 us, a tail to tens of milliseconds.
    std::mt19937_64 rng(42);
    std::lognormal_distribution<double> shape(11.5, 0.8);
    std::vector<std::uint64_t> values;
    LatencyHistogram h;
    for (int i = 0; i < 100000; ++i) {
        const auto v = static_cast<std::uint64_t>(shape(rng));
        values.push_back(v);
        h.record(v);
    }
    std::sort(values.begin(), values.end());
    for (const double p : {0.5, 0.9, 0.99, 0.999}) {
        const auto exact = double(values[std::size_t(std::ceil(p * double(values.size()))) - 1]);
        const double got = double(h.percentile(p));
        QVERIFY2(std::abs(got - exact) <= exact * 0.032,
            qPrintable(QStringLiteral("p%1: %2 vs exact %3").arg(p).arg(got).arg(exact)));
    }
    QCOMPARE(h.count(), std::uint64_t(values.size()));
    QCOMPARE(h.max(), values.back());
    QCOMPARE(h.min(), values.front());
    QCOMPARE(h.percentile(1.0), values.back());
}

void TestBenchParts::emptyAndSingle()
{
    LatencyHistogram h;
    QCOMPARE(h.percentile(0.5), std::uint64_t {0});
    QCOMPARE(h.mean(), 0.0);
    h.record(123456);
    QCOMPARE(h.percentile(0.5), std::uint64_t {123456}); // clamped to the one value seen
    QCOMPARE(h.percentile(0.999), std::uint64_t {123456});
}

void TestBenchParts::mergeAddsCounts()
{
    LatencyHistogram a, b;
    for (std::uint64_t i = 1; i <= 1000; ++i)
        (i % 2 ? a : b).record(i * 1000);
    a.merge(b);
    QCOMPARE(a.count(), std::uint64_t {1000});
    QCOMPARE(a.max(), std::uint64_t {1000000});
    QCOMPARE(a.min(), std::uint64_t {1000});
    QVERIFY(std::abs(double(a.percentile(0.5)) - 500000.0) < 500000.0 * 0.032);
}

void TestBenchParts::patternRoundTrips()
{
    std::vector<std::uint8_t> block(8 * kSectorBytes);
    fillPattern(block, 1000, 77);
    QCOMPARE(firstMismatch(block, 1000, 77), -1LL);
    // Each sector names its own LBA: the bytes are not the same from one sector to the next.
    QVERIFY(!std::equal(block.begin(), block.begin() + kSectorBytes, block.begin() + kSectorBytes));
}

void TestBenchParts::patternCatchesWrongData()
{
    std::vector<std::uint8_t> block(8 * kSectorBytes);
    fillPattern(block, 1000, 77);
    QCOMPARE(firstMismatch(block, 1000, 76), 0LL); // an older write of the same place
    QCOMPARE(firstMismatch(block, 1008, 77), 0LL); // the same write, but another place
    auto flipped = block;
    flipped[5 * kSectorBytes + 300] ^= 0x01;
    QCOMPARE(firstMismatch(flipped, 1000, 77), 5LL);
    std::vector<std::uint8_t> zeros(block.size(), 0);
    QCOMPARE(firstMismatch(zeros, 1000, 77), 0LL);
}

void TestBenchParts::byteSizes()
{
    QCOMPARE(parseByteSize("4096"), std::optional<std::uint64_t>(4096));
    QCOMPARE(parseByteSize("4k"), std::optional<std::uint64_t>(4096));
    QCOMPARE(parseByteSize("64K"), std::optional<std::uint64_t>(65536));
    QCOMPARE(parseByteSize("1m"), std::optional<std::uint64_t>(1 << 20));
    QCOMPARE(parseByteSize("2MiB"), std::optional<std::uint64_t>(2 << 20));
    QVERIFY(!parseByteSize(""));
    QVERIFY(!parseByteSize("k"));
    QVERIFY(!parseByteSize("4x"));
    QVERIFY(!parseByteSize("-4k"));
    QVERIFY(!parseByteSize("99999999999999999999"));
    QVERIFY(!parseByteSize("9999999999m"));
}

void TestBenchParts::patternWords()
{
    for (const auto p : {Pattern::Read, Pattern::Write, Pattern::RandRead, Pattern::RandWrite, Pattern::Mixed})
        QCOMPARE(patternFromWord(patternWord(p)), std::optional<Pattern>(p));
    QVERIFY(!patternFromWord("readwrite"));
    QVERIFY(!writes(Pattern::Read) && !writes(Pattern::RandRead));
    QVERIFY(writes(Pattern::Write) && writes(Pattern::RandWrite) && writes(Pattern::Mixed));
}

void TestBenchParts::specProblems()
{
    BenchTarget target;
    target.sectors = 2048;
    target.sectorsPerFrame = 2;
    BenchSpec spec;
    QVERIFY(!specProblem(spec, target)); // 64 KiB reads, depth 16: fine
    spec.blockBytes = 1000;
    QVERIFY(specProblem(spec, target)->find("512-byte") != std::string::npos);
    spec.blockBytes = 2 << 20;
    QVERIFY(specProblem(spec, target)->find("smaller than one block") != std::string::npos);
    spec.blockBytes = 4096;
    spec.depth = 0;
    QVERIFY(specProblem(spec, target));
    spec.depth = 257;
    QVERIFY(specProblem(spec, target));
    spec.depth = 256;
    spec.blockBytes = 1 << 20; // 1,024 frames a block at 2 sectors a frame: 262,144 in flight
    target.sectors = 1 << 22;
    QVERIFY(specProblem(spec, target)->find("65,535") != std::string::npos);
    spec = {};
    spec.verify = true;
    QVERIFY(specProblem(spec, target)->find("--verify") != std::string::npos);
    spec.pattern = Pattern::RandWrite;
    QVERIFY(!specProblem(spec, target));
    target.sectorsPerFrame = 0;
    QVERIFY(specProblem(spec, target)->find("MTU") != std::string::npos);
}

void TestBenchParts::reportsSayWhatWasMeasured()
{
    BenchTarget target;
    target.interface = "vi";
    target.shelf = 7;
    target.slot = 3;
    BenchSpec spec;
    spec.pattern = Pattern::Mixed;
    spec.verify = true;
    BenchResult r;
    r.seconds = 2.0;
    r.read.ios = 2000;
    r.read.bytes = 2000ULL * 4096;
    r.write.ios = 1000;
    r.write.bytes = 1000ULL * 4096;
    for (int i = 0; i < 3000; ++i)
        (i < 2000 ? r.read.latency : r.write.latency).record(200000);
    r.latency.merge(r.read.latency);
    r.latency.merge(r.write.latency);
    r.verifiedSectors = 8000;
    const auto json = benchJson(target, spec, r);
    QCOMPARE(json.value(QStringLiteral("target")).toString(), QStringLiteral("e7.3"));
    QCOMPARE(json.value(QStringLiteral("pattern")).toString(), QStringLiteral("mixed"));
    QCOMPARE(json.value(QStringLiteral("block_bytes")).toInt(), 4096);
    QCOMPARE(json.value(QStringLiteral("iops")).toDouble(), 1500.0);
    QCOMPARE(json.value(QStringLiteral("read")).toObject().value(QStringLiteral("iops")).toDouble(), 1000.0);
    QCOMPARE(json.value(QStringLiteral("write")).toObject().value(QStringLiteral("mib_per_s")).toDouble(),
        1000.0 * 4096 / 2.0 / 1048576.0);
    QCOMPARE(json.value(QStringLiteral("latency_us")).toObject().value(QStringLiteral("p50")).toDouble(), 200.0);
    QCOMPARE(json.value(QStringLiteral("verify")).toObject().value(QStringLiteral("mismatches")).toInt(), 0);
    const std::string text = benchText(target, spec, r);
    QVERIFY2(text.find("mixed, 4 KiB blocks, depth 16") != std::string::npos, text.c_str());
    QVERIFY2(text.find("p50 200 us") != std::string::npos, text.c_str());
    QVERIFY2(text.find("verified: 8000 sectors") != std::string::npos, text.c_str());
    QCOMPARE(latencyText(1500), std::string("1.5 us"));
    QCOMPARE(latencyText(2'500'000), std::string("2.50 ms"));
}

QTEST_APPLESS_MAIN(TestBenchParts)
#include "tst_bench_parts.moc"
