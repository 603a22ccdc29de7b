// SPDX-License-Identifier: GPL-3.0-or-later
// Logging: console plus a rotating file in the XDG state directory, level from an option or $AOESAN_LOG,
// and a log file that cannot be written is reported, never thrown.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "log/Logging.h"

using namespace aoesan;

class TestLogging : public QObject
{
    Q_OBJECT

private slots:
    void parseLevel_data();
    void parseLevel();
    void writesToTheStateDirectory();
    void levelFromOptionThenEnvironment();
    void unwritableDirectoryIsReportedNotThrown();
};

void TestLogging::parseLevel_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("level"); // -1: not a level
    QTest::addRow("trace") << QStringLiteral("trace") << int(spdlog::level::trace);
    QTest::addRow("debug") << QStringLiteral("debug") << int(spdlog::level::debug);
    QTest::addRow("warn") << QStringLiteral("warn") << int(spdlog::level::warn);
    QTest::addRow("off") << QStringLiteral("off") << int(spdlog::level::off);
    QTest::addRow("nonsense") << QStringLiteral("loud") << -1;
    QTest::addRow("empty") << QString() << -1;
}

void TestLogging::parseLevel()
{
    QFETCH(QString, name);
    QFETCH(int, level);
    const auto parsed = log::parseLevel(name.toStdString());
    QCOMPARE(parsed.has_value() ? int(*parsed) : -1, level);
}

void TestLogging::writesToTheStateDirectory()
{
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    const auto setup = log::initLogging({"tst-logging", std::string("info"), true, true});
    QVERIFY2(setup.fileError.empty(), setup.fileError.c_str());
    QCOMPARE(QString::fromStdString(setup.filePath), state.path() + QStringLiteral("/aoesan/tst-logging.log"));
    log::logger("discovery")->warn("target e7.3 is down");
    log::logger("discovery")->flush();
    QFile file(QString::fromStdString(setup.filePath));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("[discovery]") && text.contains("target e7.3 is down"), text.constData());
}

void TestLogging::levelFromOptionThenEnvironment()
{
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    qputenv("AOESAN_LOG", "debug");
    QCOMPARE(log::initLogging({"tst-logging", std::nullopt, false, true}).level, spdlog::level::debug);
    QCOMPARE(log::initLogging({"tst-logging", std::string("error"), false, true}).level, spdlog::level::err);
    QCOMPARE(log::logger("net")->level(), spdlog::level::err);
    qputenv("AOESAN_LOG", "bogus");
    QCOMPARE(log::initLogging({"tst-logging", std::nullopt, false, true}).level, spdlog::level::info);
    qunsetenv("AOESAN_LOG");
}

void TestLogging::unwritableDirectoryIsReportedNotThrown()
{
    QTemporaryDir state;
    // A file where the directory should be: the log cannot be created below it.
    QFile blocker(state.filePath(QStringLiteral("aoesan")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    const auto setup = log::initLogging({"tst-logging", std::string("info"), true, true});
    QVERIFY(setup.filePath.empty());
    QVERIFY(!setup.fileError.empty());
    log::logger("engine")->info("still logs to the console");
}

QTEST_APPLESS_MAIN(TestLogging)
#include "tst_logging.moc"
