// SPDX-License-Identifier: GPL-3.0-or-later
// What a person can do to one target, from its context menu (Targets table, Shelves tile) and the details
// pane: identify again, read and set the config string (after a confirmation), view and edit the MAC mask
// and the reserve list, copy the boot URI and an iPXE line. Every request goes to the service's probe
// through the DiscoveryController (Target.Request; the GUI opens no socket); the engine checks the lock-out rule and
// this class asks the person, in plain words, before it sends the same change again with the lock-out allowed.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QVariantList>

#include <chrono>
#include <functional>
#include <memory>

#include "discovery/ProbeRequest.h"
#include "platform/UDisksMount.h"

class QMenu;
class QWidget;

namespace aoesan::ui {

class DiscoveryController;
class TargetModel;

class TargetActions : public QObject
{
    Q_OBJECT

public:
    // Dialogs open over `dialogParent`.
    TargetActions(DiscoveryController &discovery, TargetModel &targets, QWidget *dialogParent);

    // The target's context menu (the caller owns it); its actions have object names for tests.
    QMenu *menuFor(discovery::TargetId id, QWidget *parent);
    void showMenu(discovery::TargetId id, const QPoint &globalPos);

    void identify(discovery::TargetId id);
    void editConfig(discovery::TargetId id);
    void editMask(discovery::TargetId id);
    void editReserve(discovery::TargetId id);
    void copyBootUri(discovery::TargetId id);
    void copyIpxeLine(discovery::TargetId id);

    // The aoe driver on this machine, through the service (Manager.Attach / Detach): the device path or the
    // service's reason comes back as a message and a note for the details pane.
    // This machine's own export is not attached (the kernel does not see its own frames): a box names its
    // backing file or device instead, with a Copy path button; so does the service's OwnExport refusal.
    void useOnThisMachine(discovery::TargetId id);
    void detach(discovery::TargetId id);
    // Mounts an attached disk's filesystem (`node`: /dev/etherd/e0.1p1) through udisks2 and opens the mount
    // point in the file manager; without udisks2 (or a filesystem it can mount) a box shows the path to mount.
    void openFilesystem(const QString &node);
    // The bus udisks2 is looked for on (the system bus; tests give a private one), and how long a call may take.
    void setUDisksBus(const QDBusConnection &bus);
    // Opens a mount point; the default is QDesktopServices::openUrl (tests record it instead).
    void setOpener(std::function<void(const QString &mountPoint)> opener) { m_opener = std::move(opener); }
    // A kernel call is waiting for its answer (the window shows a busy cursor meanwhile).
    bool kernelBusy() const { return m_kernelCalls > 0; }
    // The last kernel call's outcome for a target, in words ("" when none): the details show it.
    QString kernelNote(discovery::TargetId id) const { return m_kernelNotes.value(keyOf(id)); }
    bool canUse(discovery::TargetId id) const;
    bool canDetach(discovery::TargetId id) const;

    static QString bootUri(discovery::TargetId id); // aoe:e7.3
    static QString ipxeLine(discovery::TargetId id); // sanboot aoe:e7.3

    int pendingCount() const { return static_cast<int>(m_pending.size()); }
    // How long a request may wait for its answer (the probe answers within a few seconds).
    void setAnswerTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

signals:
    // A finished action, one sentence for the status bar and the log.
    void message(const QString &text);
    // A kernel call started or finished: the note for `id` changed; ask kernelNote().
    void kernelNoteChanged(aoesan::discovery::TargetId id);
    void kernelBusyChanged(bool busy);
    // Attach or Detach succeeded: the kernel's list is worth reading again now.
    void kernelChanged();

private:
    using OnReply = std::function<void(const discovery::RequestReply &)>;
    // Returns true when it handled the failure itself (a question to the person); else the error is shown.
    using OnFailure = std::function<bool(const discovery::RequestFailure &)>;
    struct Pending
    {
        OnReply onReply;
        OnFailure onFailure;
        discovery::TargetId target;
    };

    static quint32 keyOf(discovery::TargetId id) { return (quint32 {id.shelf} << 8) | id.slot; }
    void kernelCall(discovery::TargetId id, const QString &method, const QString &waiting,
        std::function<QString(const QVariantList &)> success, const QString &failure);
    void setNote(discovery::TargetId id, const QString &note);
    // The backing file or device of this machine's export at `id` ("" when the link does not know it).
    QString backingPath(discovery::TargetId id) const;
    void showOwnExport(discovery::TargetId id, const QString &why);
    // A box with `text`, `path` on a line of its own and a Copy path button.
    void showPathBox(const char *objectName, const QString &title, const QString &text, const QString &path);

    void send(discovery::ProbeRequest request, OnReply onReply, OnFailure onFailure = {});
    void onReplied(const discovery::RequestReply &reply);
    void onFailed(const discovery::RequestFailure &failure);
    void showError(discovery::TargetId id, const QString &text);
    QString describe(discovery::TargetId id, const discovery::RequestFailure &failure) const;
    void openMaskDialog(const discovery::RequestReply &list);
    void openReserveDialog(const discovery::RequestReply &list);
    void sendMaskEdit(discovery::ProbeRequest request, const QString &interfaceName);
    void sendReserveSet(discovery::ProbeRequest request, const QString &interfaceName);
    // The "lock this computer out" question; `proceed` runs only when the person chose to.
    void confirmLockout(const discovery::RequestFailure &failure, bool reserveList, const QString &interfaceName,
        std::function<void()> proceed);

    DiscoveryController &m_discovery;
    TargetModel &m_targets;
    QPointer<QWidget> m_parent;
    QHash<std::uint32_t, Pending> m_pending;
    std::uint32_t m_nextId = 1;
    std::chrono::milliseconds m_timeout {20000};
    QHash<quint32, QString> m_kernelNotes;
    QSet<quint32> m_kernelPending; // targets whose Attach or Detach waits for its answer
    int m_kernelCalls = 0;
    std::unique_ptr<platform::UDisksMount> m_udisks;
    std::function<void(const QString &)> m_opener;
};

} // namespace aoesan::ui
