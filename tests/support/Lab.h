// SPDX-License-Identifier: GPL-3.0-or-later
// A private AoE lab for namespace tests: a target and an initiator network namespace joined by veth
// pairs, optionally a bridge and a tap for a qemu guest, and the processes started in them. Everything
// it makes is named after the test's pid and removed in the destructor, so AoE frames never reach the
// machine's own interfaces and a failed test leaves nothing behind.
#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <vector>

#include "NamespaceGuard.h"
#include "protocol/MacAddress.h"

// Skips the current test (in a test function or in init()) when `reason` is not empty.
#define AOESAN_SKIP_IF(reason)                                                                                         \
    do {                                                                                                               \
        const QString aoesanSkipReason_ = (reason);                                                                    \
        if (!aoesanSkipReason_.isEmpty())                                                                              \
            QSKIP(qPrintable(aoesanSkipReason_));                                                                      \
    } while (false)

namespace aoesan::test {

struct LabOptions
{
    int mtu = 1500; // of every veth, the bridge and the tap
    int extraPairs = 0; // more veth pairs between the two namespaces (veth-t1/veth-i1, ...) for multipath
    bool bridge = false; // br-i with veth-i and tap-i as ports in the initiator namespace, for a qemu guest
};

struct CommandResult
{
    int exitCode = -1; // -1 when it could not start, crashed or timed out
    QString output; // stdout and stderr together

    bool ok() const { return exitCode == 0; }
};

class Lab
{
public:
    // Why no lab can be built here (not root, no CAP_SYS_ADMIN, no `ip`); empty when one can.
    static QString unavailableReason();
    // Why `tool` cannot be used, naming the Debian package that has it; empty when it is installed.
    static QString missingTool(const QString &tool);
    // The tool's full path, searching PATH and the sbin directories; empty when not found.
    static QString findTool(const QString &tool);
    // Removes namespaces and work directories of this naming scheme left by a test process that is
    // gone, killing what still runs in those namespaces. Returns how many namespaces it removed.
    static int removeStale();

    // Builds the lab; check ok() (error() says what failed). Removes stale labs first.
    explicit Lab(LabOptions options = {});
    // Stops every process started here (by pid) and deletes the namespaces with all their links.
    ~Lab();
    Lab(const Lab &) = delete;
    Lab &operator=(const Lab &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const LabOptions &options() const { return m_options; }

    const QString &targetNamespace() const { return m_targetNs; }
    const QString &initiatorNamespace() const { return m_initiatorNs; }
    // Pair 0 is veth-t/veth-i; pair n > 0 is veth-tN/veth-iN.
    int pairCount() const { return 1 + m_options.extraPairs; }
    static QString targetInterface(int pair = 0);
    static QString initiatorInterface(int pair = 0);
    static protocol::MacAddress targetMac(int pair = 0);
    static protocol::MacAddress initiatorMac(int pair = 0);
    // With LabOptions::bridge: "br-i" and "tap-i" (userspace initiators must use the bridge then:
    // packet sockets on a bridge port see nothing). Empty without a bridge.
    QString bridgeInterface() const;
    QString tapInterface() const;
    static protocol::MacAddress bridgeMac();

    // A directory removed with the lab, for images, captures and logs.
    QString workPath(const QString &name) const;
    // A sparse file of `bytes` in the work directory; its path, or empty on failure.
    QString createSparseImage(const QString &name, qint64 bytes) const;

    // Runs `command` inside one of this lab's namespaces and waits for it.
    CommandResult run(const QString &netns, const QStringList &command, int timeoutMs = 10000) const;
    // Starts a long-running `command` inside one of this lab's namespaces; stdout and stderr go to
    // logOf(). The lab owns the process, stops it in the destructor, and it dies with the test process.
    // Null when it could not start.
    QProcess *start(const QString &netns, const QStringList &command);
    // Terminates a started process (SIGTERM, then SIGKILL after `graceMs`) and waits for it.
    void stop(QProcess *process, int graceMs = 2000);
    // What a started process printed so far.
    QString logOf(const QProcess *process) const;
    // Pids of the started processes still running.
    QList<qint64> runningPids() const;

    // Sets a link of this lab administratively up or down.
    bool setLinkUp(const QString &netns, const QString &interface, bool up) const;
    // Enters one of this lab's namespaces on the calling thread until the guard is destroyed.
    NamespaceGuard enter(const QString &netns) const;

    bool ownsNamespace(const QString &netns) const;

private:
    struct Started
    {
        std::unique_ptr<QProcess> process;
        QString logPath;
    };

    bool build();
    bool ip(const QStringList &arguments);
    CommandResult execute(const QStringList &arguments, int timeoutMs) const;
    void prepare(QProcess &process) const;

    LabOptions m_options;
    QString m_ipPath;
    QString m_targetNs;
    QString m_initiatorNs;
    QString m_error;
    QTemporaryDir m_workDir;
    // The namespaces the lab was made from: every child switches back to them before it runs, so a
    // command works the same while the test thread is inside a NamespaceGuard.
    int m_hostNet = -1;
    int m_hostMnt = -1;
    std::vector<Started> m_started;
    std::vector<QString> m_created; // namespaces to delete, in creation order
    int m_logCounter = 0;
};

} // namespace aoesan::test
