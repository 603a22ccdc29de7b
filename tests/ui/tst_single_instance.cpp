// SPDX-License-Identifier: GPL-3.0-or-later
// One aoesan per user: the first instance listens; a second finds it, asks it to show its window, hears
// that it did and says so; once the first is gone, the next start claims the name again.
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <unistd.h>

#include "shell/SingleInstance.h"

using namespace aoesan;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QString key() const { return QStringLiteral("io.github.aoesan.test-%1").arg(QCoreApplication::applicationPid()); }

private slots:
    void secondLaunchActivatesTheFirst()
    {
        // The first instance runs in a thread of its own, as it would in its own process: the second's
        // claim() blocks this thread while it waits for the answer.
        QThread other;
        ui::SingleInstance first(key());
        QCOMPARE(first.claim(), ui::SingleInstance::Claim::First);
        first.moveToThread(&other);
        std::atomic<int> activated = 0;
        connect(&first, &ui::SingleInstance::activationRequested, &first, [&activated] { ++activated; });
        other.start();
        ui::SingleInstance second(key());
        const auto claim = second.claim();
        other.quit();
        other.wait();
        QCOMPARE(claim, ui::SingleInstance::Claim::Raised);
        QCOMPARE(activated.load(), 1);
        QCOMPARE(ui::SingleInstance::message(claim),
            QStringLiteral("aoesan is already running; its window was brought to the front."));
        QVERIFY(ui::SingleInstance::message(ui::SingleInstance::Claim::NoAnswer)
                    .contains(QStringLiteral("did not answer")));
        QVERIFY(ui::SingleInstance::message(ui::SingleInstance::Claim::First).isEmpty());
    }

    void claimsAgainOnceTheFirstIsGone()
    {
        {
            ui::SingleInstance first(key());
            QCOMPARE(first.claim(), ui::SingleInstance::Claim::First);
        }
        ui::SingleInstance next(key());
        QCOMPARE(next.claim(), ui::SingleInstance::Claim::First);
        QVERIFY(next.serverName().endsWith(QString::number(::getuid()))); // per user: /tmp may be shared
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
