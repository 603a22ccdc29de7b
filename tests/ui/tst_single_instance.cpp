// One aoesan per user: the first instance listens; a second finds it, asks it to show its window and
// is told to leave; once the first is gone, the next start claims the name again.
#include <QSignalSpy>
#include <QTest>

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
        ui::SingleInstance first(key());
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &ui::SingleInstance::activationRequested);
        ui::SingleInstance second(key());
        QVERIFY(!second.claim());
        QTRY_COMPARE(activated.count(), 1);
    }

    void claimsAgainOnceTheFirstIsGone()
    {
        {
            ui::SingleInstance first(key());
            QVERIFY(first.claim());
        }
        ui::SingleInstance next(key());
        QVERIFY(next.claim());
        QVERIFY(next.serverName().endsWith(QString::number(::getuid()))); // per user: /tmp may be shared
    }
};

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
