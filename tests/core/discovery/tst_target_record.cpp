// SPDX-License-Identifier: GPL-3.0-or-later
// TargetRecord::snapshot when several backends answer one shelf.slot: which one's IDENTIFY the target
// shows (the smallest disk, then the lowest MAC) does not depend on the order they answered in, and
// every backend stays listed with its own size.
#include <QTest>

#include <algorithm>

#include "discovery/TargetRecord.h"

using namespace aoesan;
using aoesan::discovery::BackendRecord;
using aoesan::discovery::TargetRecord;

namespace {

struct Answer
{
    const char *mac;
    std::uint64_t sectors;
    const char *serial;
};

BackendRecord backend(const Answer &a)
{
    BackendRecord b;
    b.mac = *protocol::MacAddress::fromString(a.mac);
    b.identify = BackendRecord::Identify::Done;
    b.identified = a.sectors != 0; // 0: not identified yet
    b.info.serial = a.serial;
    b.info.model = std::string("model of ") + a.serial;
    b.info.firmware = a.serial;
    b.info.lba48 = true;
    b.info.lba48Sectors = a.sectors;
    return b;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<Answer>)

class TestTargetRecord : public QObject
{
    Q_OBJECT

private slots:
    void shownBackendIsTheSmallest_data();
    void shownBackendIsTheSmallest();
};

void TestTargetRecord::shownBackendIsTheSmallest_data()
{
    QTest::addColumn<std::vector<Answer>>("answers"); // in the order they arrived
    QTest::addColumn<quint64>("sectors");
    QTest::addColumn<QString>("serial");
    QTest::addColumn<bool>("conflict");

    const Answer small {"02:00:00:00:0b:01", 2000, "small"};
    const Answer big {"02:00:00:00:0a:01", 4000, "big"};
    QTest::addRow("small first") << std::vector {small, big} << quint64 {2000} << QStringLiteral("small") << true;
    QTest::addRow("big first") << std::vector {big, small} << quint64 {2000} << QStringLiteral("small") << true;
    // Equal sizes, different disks: the lowest MAC, whichever answered first.
    const Answer low {"02:00:00:00:01:01", 3000, "low"};
    const Answer high {"02:00:00:00:02:01", 3000, "high"};
    QTest::addRow("equal, low first") << std::vector {low, high} << quint64 {3000} << QStringLiteral("low") << true;
    QTest::addRow("equal, high first") << std::vector {high, low} << quint64 {3000} << QStringLiteral("low") << true;
    // Three backends in every arrival order below: always the smallest.
    const Answer mid {"02:00:00:00:00:01", 2500, "mid"};
    QTest::addRow("three, smallest last")
        << std::vector {mid, big, small} << quint64 {2000} << QStringLiteral("small") << true;
    QTest::addRow("three, smallest middle")
        << std::vector {big, small, mid} << quint64 {2000} << QStringLiteral("small") << true;
    // One backend not identified yet does not count.
    const Answer pending {"02:00:00:00:00:00", 0, "pending"};
    QTest::addRow("pending smaller MAC") << std::vector {pending, big} << quint64 {4000} << QStringLiteral("big")
                                         << false;
    // Two NICs of one disk: no conflict.
    const Answer nic2 {"02:00:00:00:0c:01", 2000, "small"};
    QTest::addRow("two NICs") << std::vector {nic2, small} << quint64 {2000} << QStringLiteral("small") << false;
}

void TestTargetRecord::shownBackendIsTheSmallest()
{
    QFETCH(std::vector<Answer>, answers);
    QFETCH(quint64, sectors);
    QFETCH(QString, serial);
    QFETCH(bool, conflict);

    TargetRecord record;
    record.id = {9, 4};
    for (const auto &a : answers)
        record.backends.push_back(backend(a));
    const auto shown = record.snapshot();
    QVERIFY(shown.identified);
    QCOMPARE(shown.sectors, sectors);
    QCOMPARE(QString::fromStdString(shown.serial), serial);
    // Model and firmware come from the same backend as the size, never a mix.
    QCOMPARE(QString::fromStdString(shown.model), QStringLiteral("model of ") + serial);
    QCOMPARE(QString::fromStdString(shown.firmware), serial);
    QCOMPARE(shown.conflict, conflict);
    QCOMPARE(shown.backends.size(), answers.size());
    for (const auto &a : answers) {
        const auto mac = *protocol::MacAddress::fromString(a.mac);
        const auto it = std::ranges::find(shown.backends, mac, &discovery::Backend::mac);
        QVERIFY(it != shown.backends.end());
        QCOMPARE(it->sectors, a.sectors);
    }
    // The detail names the shown backend first, the same text whatever the arrival order.
    if (conflict) {
        std::vector<Answer> reversed(answers.rbegin(), answers.rend());
        TargetRecord other;
        other.id = record.id;
        for (const auto &a : reversed)
            other.backends.push_back(backend(a));
        const auto again = other.snapshot();
        QCOMPARE(again.sectors, shown.sectors);
        QCOMPARE(again.serial, shown.serial);
        QVERIFY(
            QString::fromStdString(shown.conflictDetail).contains(QStringLiteral("serial '%1') and by").arg(serial)));
    }
}

QTEST_GUILESS_MAIN(TestTargetRecord)
#include "tst_target_record.moc"
