// SPDX-License-Identifier: GPL-3.0-or-later
// unusedAsideName: PATH.corrupt-<UTC time>, and a name of its own for every damaged file set aside in the same
// second, also when a dangling link holds a name (a rename onto it would replace the link, not keep both).
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "util/SetAsideName.h"

using aoesan::util::unusedAsideName;

class TestSetAsideName : public QObject
{
    Q_OBJECT

private slots:
    void namesTheTimeInUtc()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("exports.json"));
        const QString before = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QString name = unusedAsideName(path);
        const QString after = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QRegularExpression shape(
            QRegularExpression::escape(path) + QStringLiteral("\\.corrupt-(\\d{8}-\\d{6})$"));
        const auto match = shape.match(name);
        QVERIFY2(match.hasMatch(), qPrintable(name));
        QVERIFY2(match.captured(1) >= before && match.captured(1) <= after, qPrintable(name));
        QVERIFY(!QFileInfo::exists(name));
    }

    void everyDamagedFileOfOneSecondKeepsItsOwnName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("service.json"));
        QStringList names;
        // Five in a row, each one renamed to the name given, as the loaders do: none may land on another.
        for (int i = 0; i < 5; ++i) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray::number(i));
            f.close();
            const QString name = unusedAsideName(path);
            QVERIFY2(!names.contains(name), qPrintable(name));
            QVERIFY2(QFile::rename(path, name), qPrintable(name));
            names << name;
        }
        for (int i = 0; i < names.size(); ++i) {
            QFile kept(names.at(i));
            QVERIFY(kept.open(QIODevice::ReadOnly));
            QCOMPARE(kept.readAll(), QByteArray::number(i));
        }
    }

    void aDanglingLinkHoldsItsName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("aoesan.conf"));
        const QString first = unusedAsideName(path);
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nothing-here")), first));
        const QString second = unusedAsideName(path);
        QVERIFY2(second != first, qPrintable(second));
        // Unless the clock turned a second in between, the second name is the first with -2.
        if (second.startsWith(first))
            QCOMPARE(second, first + QStringLiteral("-2"));
    }
};

QTEST_GUILESS_MAIN(TestSetAsideName)
#include "tst_set_aside_name.moc"
