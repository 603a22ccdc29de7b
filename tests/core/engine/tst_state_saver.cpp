// SPDX-License-Identifier: GPL-3.0-or-later
// The export state is saved off the serving thread: a change returns at once however slow the disk, changes
// made during a slow save are coalesced into one more save of the latest state, flush() waits for it, and
// failing saves are reported once (then every 10 s), and again when saving works.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/StateSaver.h"

using aoesan::engine::ExportState;
using aoesan::engine::StateSaver;

namespace {

ExportState withConfig(const std::string &config)
{
    ExportState s;
    s.setConfigString(config);
    return s;
}

} // namespace

class TestStateSaver : public QObject
{
    Q_OBJECT

private slots:
    void slowSaveDoesNotHoldUpChanges()
    {
        std::mutex mutex;
        std::vector<std::string> saved;
        StateSaver saver({}, [&](const ExportState &s) -> aoesan::Result<bool, std::string> {
            std::this_thread::sleep_for(std::chrono::milliseconds(300)); // a disk that takes 0.3 s per fsync
            const std::lock_guard lock(mutex);
            saved.push_back(s.configString());
            return true;
        });
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i)
            saver.changed(withConfig("config " + std::to_string(i)));
        QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed()))); // not 1,000 × 0.3 s
        saver.flush();
        const std::lock_guard lock(mutex);
        // The first change's save, then one of whatever came during it: the latest.
        QVERIFY2(saved.size() <= 3, qPrintable(QString::number(saved.size())));
        QCOMPARE(saved.back(), std::string("config 999"));
    }

    void writesTheRealFileAndTheDestructorSavesWhatIsPending()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("e7.3.json")).toStdString();
        {
            StateSaver saver({});
            ExportState s = withConfig("first");
            s.setPath(path);
            saver.changed(s);
            s.setConfigString("last");
            saver.changed(s);
        } // no flush: the destructor must save the last state
        const auto loaded = ExportState::load(path);
        QVERIFY(loaded);
        QCOMPARE(loaded->configString(), std::string("last"));
    }

    void failuresAreReportedOnceThenWhenTheyEnd()
    {
        std::atomic<bool> failing {true};
        std::mutex mutex;
        std::vector<std::string> warnings;
        StateSaver saver(
            [&](const std::string &w) {
                const std::lock_guard lock(mutex);
                warnings.push_back(w);
            },
            [&](const ExportState &) -> aoesan::Result<bool, std::string> {
                if (failing)
                    return aoesan::Unexpected(std::string("cannot write export state /x: No space left on device"));
                return true;
            });
        for (int i = 0; i < 50; ++i) {
            saver.changed(withConfig(std::to_string(i)));
            saver.flush();
        }
        QCOMPARE(saver.saves(), std::uint64_t {50});
        failing = false;
        saver.changed(withConfig("ok"));
        saver.flush();
        const std::lock_guard lock(mutex);
        QCOMPARE(warnings.size(), std::size_t {2});
        QCOMPARE(warnings.front(), std::string("cannot write export state /x: No space left on device"));
        QVERIFY(warnings.back().find("saved again") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestStateSaver)
#include "tst_state_saver.moc"
