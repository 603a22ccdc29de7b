// SPDX-License-Identifier: GPL-3.0-or-later
// The lock-out rule for mask and reserve edits: which resulting lists shut the requesting host out.
#include <QTest>

#include "protocol/AccessGuard.h"
#include "protocol/Constants.h"

using namespace aoesan::protocol;

namespace {

MacAddress mac(const char *text)
{
    return *MacAddress::fromString(text);
}

using Macs = std::vector<MacAddress>;
using Directives = std::vector<MacMaskDirective>;

MacMaskDirective add(const char *text)
{
    return {static_cast<std::uint8_t>(DirectiveCommand::Add), mac(text)};
}

MacMaskDirective del(const char *text)
{
    return {static_cast<std::uint8_t>(DirectiveCommand::Delete), mac(text)};
}

} // namespace

Q_DECLARE_METATYPE(Macs)
Q_DECLARE_METATYPE(Directives)

class TestAccessGuard : public QObject
{
    Q_OBJECT

private slots:
    void applyDirectives_data();
    void applyDirectives();
    void locksOut_data();
    void locksOut();
    void directivesBetween_data();
    void directivesBetween();
    void crashingVblade_data();
    void crashingVblade();
};

void TestAccessGuard::applyDirectives_data()
{
    QTest::addColumn<Macs>("before");
    QTest::addColumn<Directives>("directives");
    QTest::addColumn<Macs>("after");
    const auto a = "02:00:00:00:00:0a";
    const auto b = "02:00:00:00:00:0b";
    QTest::addRow("add to empty") << Macs {} << Directives {add(a)} << Macs {mac(a)};
    QTest::addRow("add twice keeps one") << Macs {mac(a)} << Directives {add(a)} << Macs {mac(a)};
    QTest::addRow("delete listed") << Macs {mac(a), mac(b)} << Directives {del(a)} << Macs {mac(b)};
    QTest::addRow("delete unlisted") << Macs {mac(a)} << Directives {del(b)} << Macs {mac(a)};
    QTest::addRow("in order") << Macs {} << Directives {add(a), add(b), del(a)} << Macs {mac(b)};
    QTest::addRow("none ignored") << Macs {mac(a)} << Directives {{0, mac(b)}} << Macs {mac(a)};
    QTest::addRow("unknown dcmd ignored") << Macs {} << Directives {{7, mac(b)}} << Macs {};
}

void TestAccessGuard::applyDirectives()
{
    QFETCH(Macs, before);
    QFETCH(Directives, directives);
    QFETCH(Macs, after);
    QCOMPARE(applyMaskDirectives(before, directives), after);
}

void TestAccessGuard::locksOut_data()
{
    QTest::addColumn<Macs>("allowed");
    QTest::addColumn<Macs>("own");
    QTest::addColumn<bool>("lockedOut");
    const auto me = mac("02:00:00:00:00:01");
    const auto me2 = mac("02:00:00:00:00:02");
    const auto other = mac("02:00:00:00:00:99");
    QTest::addRow("empty list admits everyone") << Macs {} << Macs {me} << false;
    QTest::addRow("only another host") << Macs {other} << Macs {me} << true;
    QTest::addRow("me listed") << Macs {other, me} << Macs {me} << false;
    QTest::addRow("one of my NICs listed") << Macs {me2} << Macs {me, me2} << false;
    QTest::addRow("none of my NICs") << Macs {other} << Macs {me, me2} << true;
    QTest::addRow("own unknown") << Macs {other} << Macs {} << false;
}

void TestAccessGuard::locksOut()
{
    QFETCH(Macs, allowed);
    QFETCH(Macs, own);
    QFETCH(bool, lockedOut);
    QCOMPARE(aoesan::protocol::locksOut(allowed, own), lockedOut);
}

void TestAccessGuard::directivesBetween_data()
{
    QTest::addColumn<Macs>("before");
    QTest::addColumn<Macs>("after");
    QTest::addColumn<int>("adds");
    QTest::addColumn<int>("deletes");
    const MacAddress a = *MacAddress::fromString("02:00:00:00:00:0a");
    const MacAddress b = *MacAddress::fromString("02:00:00:00:00:0b");
    const MacAddress c = *MacAddress::fromString("02:00:00:00:00:0c");
    QTest::newRow("unchanged") << Macs {a, b} << Macs {a, b} << 0 << 0;
    QTest::newRow("reordered") << Macs {a, b} << Macs {b, a} << 0 << 0;
    QTest::newRow("from empty") << Macs {} << Macs {a, b} << 2 << 0;
    QTest::newRow("to empty") << Macs {a, b} << Macs {} << 0 << 2;
    QTest::newRow("swap one") << Macs {a, b} << Macs {a, c} << 1 << 1;
    QTest::newRow("duplicate in after") << Macs {} << Macs {c, c} << 1 << 0;
}

void TestAccessGuard::directivesBetween()
{
    QFETCH(Macs, before);
    QFETCH(Macs, after);
    QFETCH(int, adds);
    QFETCH(int, deletes);
    const auto directives = maskDirectivesBetween(before, after);
    const auto count = [&](DirectiveCommand c) {
        return static_cast<int>(std::count_if(directives.begin(), directives.end(),
            [c](const MacMaskDirective &d) { return d.dcmd == static_cast<std::uint8_t>(c); }));
    };
    QCOMPARE(count(DirectiveCommand::Add), adds);
    QCOMPARE(count(DirectiveCommand::Delete), deletes);
    auto result = applyMaskDirectives(before, directives);
    auto expected = after;
    std::sort(result.begin(), result.end());
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    QVERIFY(result == expected);
}

void TestAccessGuard::crashingVblade_data()
{
    QTest::addColumn<int>("firmwareVersion");
    QTest::addColumn<bool>("crashes");
    QTest::newRow("vblade 0") << 0x4000 << true;
    QTest::newRow("vblade 25") << 0x4019 << true;
    QTest::newRow("vblade 26") << 0x401a << false;
    QTest::newRow("below vblade's range") << 0x3fff << false;
    QTest::newRow("aoesan-engine") << 0x0001 << false;
}

void TestAccessGuard::crashingVblade()
{
    QFETCH(int, firmwareVersion);
    QFETCH(bool, crashes);
    QCOMPARE(crashesOnListedMaskDelete(static_cast<std::uint16_t>(firmwareVersion)), crashes);
}

QTEST_APPLESS_MAIN(TestAccessGuard)
#include "tst_access_guard.moc"
