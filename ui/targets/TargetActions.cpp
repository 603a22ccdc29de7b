// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/TargetActions.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#include "discovery/DiscoveryController.h"
#include "format/Format.h"
#include "log/Logging.h"
#include "models/TargetModel.h"
#include "protocol/AccessGuard.h"
#include "service/DbusApi.h"
#include "service/SanLink.h"
#include "targets/MacListDialog.h"

namespace aoesan::ui {

namespace {

using discovery::ProbeRequest;
using Kind = ProbeRequest::Kind;
namespace code = discovery::request_error;

QString device(discovery::TargetId id)
{
    return QString::fromStdString(id.deviceName());
}

QString macList(const std::vector<protocol::MacAddress> &macs)
{
    QStringList names;
    for (const auto &m : macs)
        names << QString::fromStdString(m.toString());
    return names.join(QStringLiteral(", "));
}

// A config string may have 1024 bytes: sentences show its start only.
QString shortText(const QString &text)
{
    constexpr qsizetype kShown = 60;
    return text.size() <= kShown ? text : text.left(kShown) + QStringLiteral("…");
}

ProbeRequest requestFor(Kind kind, discovery::TargetId id)
{
    ProbeRequest r;
    r.kind = kind;
    r.target = id;
    return r;
}

QMessageBox *messageBox(QMessageBox::Icon icon, const QString &title, const QString &text, QWidget *parent)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

} // namespace

TargetActions::TargetActions(DiscoveryController &discovery, TargetModel &targets, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_discovery(discovery)
    , m_targets(targets)
    , m_parent(dialogParent)
    , m_opener([](const QString &mountPoint) { QDesktopServices::openUrl(QUrl::fromLocalFile(mountPoint)); })
{
    connect(&m_discovery, &DiscoveryController::requestReplied, this, &TargetActions::onReplied);
    connect(&m_discovery, &DiscoveryController::requestFailed, this, &TargetActions::onFailed);
}

QString TargetActions::bootUri(discovery::TargetId id)
{
    return QStringLiteral("aoe:") + device(id);
}

QString TargetActions::ipxeLine(discovery::TargetId id)
{
    return QStringLiteral("sanboot ") + bootUri(id);
}

QMenu *TargetActions::menuFor(discovery::TargetId id, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("targetMenu"));
    const auto *row = m_targets.find(id);
    // A target that does not answer cannot be asked anything; its addresses can still be copied.
    const bool reachable = row && row->info.state == discovery::TargetState::Up;
    const auto add
        = [&](const char *name, const QString &text, void (TargetActions::*slot)(discovery::TargetId), bool enabled) {
              QAction *action = menu->addAction(text);
              action->setObjectName(QLatin1String(name));
              action->setEnabled(enabled);
              connect(action, &QAction::triggered, this, [this, slot, id] { (this->*slot)(id); });
          };
    add("actionIdentify", tr("&Identify again"), &TargetActions::identify, reachable);
    add("actionConfig", tr("&Config string…"), &TargetActions::editConfig, reachable);
    add("actionMask", tr("&MAC mask…"), &TargetActions::editMask, reachable);
    add("actionReserve", tr("&Reservations…"), &TargetActions::editReserve, reachable);
    menu->addSeparator();
    add("actionUse", tr("&Use on this machine"), &TargetActions::useOnThisMachine, canUse(id));
    add("actionDetach", tr("De&tach from this machine"), &TargetActions::detach, canDetach(id));
    menu->addSeparator();
    add("actionCopyUri", tr("Copy boot &URI (%1)").arg(bootUri(id)), &TargetActions::copyBootUri, true);
    add("actionCopyIpxe", tr("Copy i&PXE line"), &TargetActions::copyIpxeLine, true);
    return menu;
}

void TargetActions::showMenu(discovery::TargetId id, const QPoint &globalPos)
{
    QMenu *menu = menuFor(id, m_parent);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

void TargetActions::copyBootUri(discovery::TargetId id)
{
    QGuiApplication::clipboard()->setText(bootUri(id));
    emit message(tr("Copied %1 to the clipboard.").arg(bootUri(id)));
}

void TargetActions::copyIpxeLine(discovery::TargetId id)
{
    QGuiApplication::clipboard()->setText(ipxeLine(id));
    emit message(tr("Copied “%1” to the clipboard.").arg(ipxeLine(id)));
}

void TargetActions::send(ProbeRequest request, OnReply onReply, OnFailure onFailure)
{
    const discovery::TargetId id = request.target;
    request.id = m_nextId++;
    if (m_nextId == 0)
        m_nextId = 1;
    if (!m_discovery.sendRequest(request)) {
        showError(id,
            tr("Discovery is not running, so %1 cannot be asked. Press Discover now and try again.").arg(device(id)));
        return;
    }
    m_pending.insert(request.id, Pending {std::move(onReply), std::move(onFailure), id});
    QTimer::singleShot(m_timeout, this, [this, requestId = request.id] {
        const auto it = m_pending.find(requestId);
        if (it == m_pending.end())
            return;
        const discovery::TargetId target = it->target;
        m_pending.erase(it);
        showError(target, tr("The discovery engine did not answer the request for %1.").arg(device(target)));
    });
}

void TargetActions::onReplied(const discovery::RequestReply &reply)
{
    const auto it = m_pending.find(reply.id);
    if (it == m_pending.end())
        return; // not ours, or it timed out
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.onReply)
        pending.onReply(reply);
}

void TargetActions::onFailed(const discovery::RequestFailure &failure)
{
    const auto it = m_pending.find(failure.id);
    if (it == m_pending.end()) {
        if (failure.code == QLatin1String(code::kBadRequest))
            log::logger("ui")->warn("the probe refused a request: {}", failure.message.toStdString());
        return;
    }
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.onFailure && pending.onFailure(failure))
        return;
    showError(pending.target, describe(pending.target, failure));
}

QString TargetActions::describe(discovery::TargetId id, const discovery::RequestFailure &failure) const
{
    const QString &c = failure.code;
    if (c == QLatin1String(code::kNoSuchTarget))
        return tr("%1 cannot be reached on any interface discovery watches.").arg(device(id));
    if (c == QLatin1String(code::kNoAnswer))
        return tr("%1 did not answer.").arg(device(id));
    if (c == QLatin1String(code::kReserved))
        return tr("%1 is reserved by %2; it refused the change.").arg(device(id), macList(failure.macs));
    if (c == QLatin1String(code::kUnsafeDelete))
        return tr("%1 runs vblade 25 or older, which crashes when a listed address is removed from its MAC "
                  "mask. Nothing was sent. Restart vblade with a new -m list instead.")
            .arg(device(id));
    if (c == QLatin1String(code::kLocksOut))
        return tr("The change would lock this computer out of %1; nothing was sent.").arg(device(id));
    if (c == QLatin1String(code::kBadRequest))
        return tr("The discovery engine did not understand the request: %1").arg(failure.message);
    if (c == QLatin1String(request_failure::kNoDiscovery))
        return tr("Discovery is not running, so %1 cannot be asked. Press Discover now and try again.").arg(device(id));
    if (c == QLatin1String(request_failure::kService))
        return failure.message; // the service's sentence (not authorised, ...)
    // refused and anything newer: the engine's own words (technical, English).
    return tr("%1 refused the request: %2").arg(device(id), failure.message);
}

bool TargetActions::canUse(discovery::TargetId id) const
{
    // The kernel does not see this machine's own frames: its own exports cannot be attached here,
    // so for its own exports the action says what to use instead (showOwnExport), whatever discovery sees.
    const auto *row = m_targets.find(id);
    if (!row || m_targets.kernelDevice(id) || m_kernelPending.contains(keyOf(id)))
        return false;
    return row->exportedHere || row->info.state == discovery::TargetState::Up;
}

bool TargetActions::canDetach(discovery::TargetId id) const
{
    return m_targets.kernelDevice(id) != nullptr && !m_kernelPending.contains(keyOf(id));
}

void TargetActions::useOnThisMachine(discovery::TargetId id)
{
    if (const auto *row = m_targets.find(id); row && row->exportedHere) {
        showOwnExport(id, QString());
        return;
    }
    kernelCall(
        id, QStringLiteral("Attach"), tr("Attaching %1 through the kernel's aoe driver…").arg(device(id)),
        [id](const QVariantList &reply) {
            return tr("%1 is on this machine as %2").arg(device(id), reply.value(0).toString());
        },
        tr("Could not use %1 on this machine: %2"));
}

void TargetActions::detach(discovery::TargetId id)
{
    kernelCall(
        id, QStringLiteral("Detach"), tr("Detaching %1…").arg(device(id)),
        [id](const QVariantList &) { return tr("%1 is detached from this machine").arg(device(id)); },
        tr("Could not detach %1: %2"));
}

void TargetActions::kernelCall(discovery::TargetId id, const QString &method, const QString &waiting,
    std::function<QString(const QVariantList &)> success, const QString &failure)
{
    // One call per target at a time: a second click while the first waits does nothing.
    if (m_kernelPending.contains(keyOf(id)))
        return;
    m_kernelPending.insert(keyOf(id));
    setNote(id, waiting);
    emit message(waiting);
    if (m_kernelCalls++ == 0) {
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
        emit kernelBusyChanged(true);
    }
    const QVariantList args {device(id), QVariantMap {}};
    m_discovery.link().managerCall(method, args,
        [self = QPointer(this), id, success = std::move(success), failure](
            Result<QVariantList, service::ServiceError> reply) {
            if (!self)
                return;
            self->m_kernelPending.remove(keyOf(id));
            if (--self->m_kernelCalls == 0) {
                QGuiApplication::restoreOverrideCursor();
                emit self->kernelBusyChanged(false);
            }
            if (reply) {
                const QString text = success(reply.value());
                self->setNote(id, text);
                emit self->message(text);
                emit self->kernelChanged();
            } else if (reply.error().name == QLatin1String(service::error::kOwnExport)) {
                // Served by this machine after all (the GUI did not know it yet): the same box as for a known one.
                self->setNote(id, QString());
                self->showOwnExport(id, reply.error().message);
            } else {
                const QString text = failure.arg(device(id), reply.error().message);
                self->setNote(id, text);
                self->showError(id, text);
            }
        });
}

QString TargetActions::backingPath(discovery::TargetId id) const
{
    for (const auto &[name, view] : m_discovery.link().exports()) {
        if (view.record.shelf == id.shelf && view.record.slot == id.slot)
            return view.record.path;
    }
    return {};
}

void TargetActions::showOwnExport(discovery::TargetId id, const QString &why)
{
    const QString path = backingPath(id);
    QString text = tr("%1 is exported by this machine. The kernel's aoe driver does not see this machine's own "
                      "frames, so the export cannot become a disk here.")
                       .arg(device(id));
    if (!why.isEmpty())
        text += QLatin1Char(' ') + tr("The service says: %1").arg(why);
    text += QStringLiteral("\n\n")
        + (path.isEmpty() ? tr("Use its backing file or device itself.")
                          : tr("Use its backing file or device itself:"));
    emit message(tr("%1 is exported by this machine: use %2 itself.")
                     .arg(device(id), path.isEmpty() ? tr("its backing file") : path));
    showPathBox("ownExportBox", tr("Target %1").arg(device(id)), text, path);
}

void TargetActions::showPathBox(const char *objectName, const QString &title, const QString &text, const QString &path)
{
    auto *box = messageBox(QMessageBox::Information, title, text, m_parent);
    box->setObjectName(QLatin1String(objectName));
    if (!path.isEmpty()) {
        // The path on a line of its own, and a button to copy it.
        box->setInformativeText(path);
        // A path does not wrap (it has no spaces); Qt's label would reserve a second line for it.
        if (auto *label = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel")))
            label->setWordWrap(false);
        QPushButton *copy = box->addButton(tr("Copy &path"), QMessageBox::ActionRole);
        copy->setObjectName(QStringLiteral("copyPath"));
        // A QMessageBox closes on every button; copying first is what the person asked for.
        connect(copy, &QPushButton::clicked, this, [this, path] {
            QGuiApplication::clipboard()->setText(path);
            emit message(tr("Copied %1 to the clipboard.").arg(path));
        });
    }
    box->setDefaultButton(box->addButton(QMessageBox::Close));
    box->open();
}

void TargetActions::setUDisksBus(const QDBusConnection &bus)
{
    m_udisks = std::make_unique<platform::UDisksMount>(bus);
}

void TargetActions::openFilesystem(const QString &node)
{
    if (!m_udisks)
        m_udisks = std::make_unique<platform::UDisksMount>();
    emit message(tr("Mounting %1…").arg(node));
    m_udisks->mount(node, [self = QPointer(this), node](Result<QString, platform::MountError> mounted) {
        if (!self)
            return;
        if (mounted) {
            emit self->message(tr("%1 is mounted at %2.").arg(node, mounted.value()));
            self->m_opener(mounted.value());
            return;
        }
        using Kind = platform::MountError::Kind;
        const auto &e = mounted.error();
        const QString mountYourself = tr("Mount it yourself, for instance: sudo mount %1 /mnt").arg(node);
        switch (e.kind) {
        case Kind::NotRunning:
            self->showPathBox("openPathBox", tr("Open %1").arg(node),
                tr("udisks2 is not running on this machine, so aoesan cannot mount the filesystem for you.")
                    + QLatin1Char(' ') + mountYourself,
                node);
            break;
        case Kind::NoFilesystem:
        case Kind::UnknownDevice:
            self->showPathBox("openPathBox", tr("Open %1").arg(node),
                tr("udisks2 knows no filesystem it can mount on %1.").arg(node) + QLatin1Char(' ') + mountYourself,
                node);
            break;
        case Kind::NotAuthorized:
        case Kind::Timeout:
        case Kind::Failed:
            self->showPathBox("openPathBox", tr("Open %1").arg(node),
                tr("Could not mount %1: %2").arg(node, e.message) + QLatin1Char(' ') + mountYourself, node);
            break;
        }
        emit self->message(tr("Could not mount %1: %2").arg(node, e.message));
    });
}

void TargetActions::setNote(discovery::TargetId id, const QString &note)
{
    m_kernelNotes.insert(keyOf(id), note);
    emit kernelNoteChanged(id);
}

void TargetActions::showError(discovery::TargetId id, const QString &text)
{
    emit message(text);
    auto *box = messageBox(QMessageBox::Warning, tr("Target %1").arg(device(id)), text, m_parent);
    box->setObjectName(QStringLiteral("targetActionError"));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}

void TargetActions::identify(discovery::TargetId id)
{
    send(requestFor(Kind::Identify, id), [this, id](const discovery::RequestReply &reply) {
        if (!reply.identify)
            return;
        const auto &i = *reply.identify;
        emit message(tr("%1 answered IDENTIFY: %2, serial %3, firmware %4, %5.")
                         .arg(device(id), QString::fromStdString(i.model), QString::fromStdString(i.serial),
                             QString::fromStdString(i.firmware), format::binarySize(i.sectors * 512)));
    });
}

void TargetActions::editConfig(discovery::TargetId id)
{
    send(requestFor(Kind::ConfigRead, id), [this, id](const discovery::RequestReply &reply) {
        const QString current = QString::fromStdString(reply.configString.value_or(std::string()));
        auto *input = new QInputDialog(m_parent);
        input->setAttribute(Qt::WA_DeleteOnClose);
        input->setObjectName(QStringLiteral("configDialog"));
        input->setWindowTitle(tr("Config string of %1").arg(device(id)));
        input->setLabelText(tr("Hosts read the config string to tell targets apart (at most 1024 bytes).\n"
                               "%1 holds now: “%2”")
                                .arg(device(id), shortText(current)));
        input->setTextValue(current);
        input->setOkButtonText(tr("&Set…"));
        connect(input, &QInputDialog::textValueSelected, this, [this, id, current](const QString &text) {
            if (text == current)
                return;
            if (text.toUtf8().size() > 1024) {
                showError(id, tr("A config string has at most 1024 bytes; this one has %1.").arg(text.toUtf8().size()));
                return;
            }
            auto *confirm = messageBox(QMessageBox::Question, tr("Set config string"),
                tr("Replace the config string of %1?").arg(device(id)), m_parent);
            confirm->setObjectName(QStringLiteral("configConfirm"));
            confirm->setInformativeText(tr("“%1” becomes “%2”. Every host that reads %3 sees the new string.")
                                            .arg(shortText(current), shortText(text), device(id)));
            QPushButton *set = confirm->addButton(tr("Set"), QMessageBox::AcceptRole);
            set->setObjectName(QStringLiteral("configConfirmSet"));
            confirm->setDefaultButton(confirm->addButton(QMessageBox::Cancel));
            connect(confirm, &QMessageBox::finished, this, [this, confirm, set, id, text] {
                if (confirm->clickedButton() != set)
                    return;
                auto request = requestFor(Kind::ConfigSet, id);
                request.configString = text.toUtf8().toStdString();
                send(request, [this, id](const discovery::RequestReply &r) {
                    emit message(tr("%1 now holds the config string “%2”.")
                                     .arg(device(id),
                                         shortText(QString::fromStdString(r.configString.value_or(std::string())))));
                    // Discovery shows the new string at its next answer; ask now rather than in an interval.
                    m_discovery.discoverNow();
                });
            });
            confirm->open();
        });
        input->open();
    });
}

void TargetActions::editMask(discovery::TargetId id)
{
    send(requestFor(Kind::MaskRead, id), [this](const discovery::RequestReply &reply) { openMaskDialog(reply); });
}

void TargetActions::editReserve(discovery::TargetId id)
{
    send(requestFor(Kind::ReserveRead, id), [this](const discovery::RequestReply &reply) { openReserveDialog(reply); });
}

void TargetActions::openMaskDialog(const discovery::RequestReply &list)
{
    const discovery::TargetId id = list.target;
    MacListDialog::Texts texts {tr("MAC mask of %1").arg(device(id)),
        tr("While the MAC mask lists any address, %1 answers only the hosts on it.").arg(device(id)),
        tr("The list is empty: every host may use %1.").arg(device(id))};
    auto *dialog = new MacListDialog(
        texts, list.macs.value_or(std::vector<protocol::MacAddress> {}), list.ownMac, list.interface, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString interfaceName = list.interface;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, interfaceName] {
        auto request = requestFor(Kind::MaskEdit, id);
        request.directives = protocol::maskDirectivesBetween(dialog->original(), dialog->macs());
        if (!request.directives.empty())
            sendMaskEdit(std::move(request), interfaceName);
    });
    dialog->open();
}

void TargetActions::sendMaskEdit(ProbeRequest request, const QString &interfaceName)
{
    const discovery::TargetId id = request.target;
    send(
        request,
        [this, id](const discovery::RequestReply &reply) {
            const int n = static_cast<int>(reply.macs ? reply.macs->size() : 0);
            emit message(n == 0 ? tr("The MAC mask of %1 is empty now: every host may use it.").arg(device(id))
                                : tr("The MAC mask of %1 now lists %n host(s).", nullptr, n).arg(device(id)));
        },
        [this, request, interfaceName](const discovery::RequestFailure &failure) {
            if (failure.code != QLatin1String(code::kLocksOut) || request.allowLockout)
                return false;
            confirmLockout(failure, false, interfaceName, [this, request, interfaceName] {
                auto forced = request;
                forced.allowLockout = true;
                sendMaskEdit(forced, interfaceName);
            });
            return true;
        });
}

void TargetActions::openReserveDialog(const discovery::RequestReply &list)
{
    const discovery::TargetId id = list.target;
    MacListDialog::Texts texts {tr("Reservations of %1").arg(device(id)),
        tr("While %1 is reserved, only the hosts on the list may read or write it.").arg(device(id)),
        tr("The list is empty: %1 is not reserved.").arg(device(id))};
    auto *dialog = new MacListDialog(
        texts, list.macs.value_or(std::vector<protocol::MacAddress> {}), list.ownMac, list.interface, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString interfaceName = list.interface;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id, interfaceName] {
        if (dialog->macs() == dialog->original())
            return;
        auto request = requestFor(Kind::ReserveSet, id);
        request.macs = dialog->macs();
        sendReserveSet(std::move(request), interfaceName);
    });
    dialog->open();
}

void TargetActions::sendReserveSet(ProbeRequest request, const QString &interfaceName)
{
    const discovery::TargetId id = request.target;
    send(
        request,
        [this, id](const discovery::RequestReply &reply) {
            const int n = static_cast<int>(reply.macs ? reply.macs->size() : 0);
            emit message(n == 0 ? tr("%1 is not reserved now.").arg(device(id))
                                : tr("%1 is now reserved for %n host(s).", nullptr, n).arg(device(id)));
        },
        [this, request, interfaceName](const discovery::RequestFailure &failure) {
            if (failure.code == QLatin1String(code::kLocksOut) && !request.allowLockout) {
                confirmLockout(failure, true, interfaceName, [this, request, interfaceName] {
                    auto forced = request;
                    forced.allowLockout = true;
                    sendReserveSet(forced, interfaceName);
                });
                return true;
            }
            if (failure.code == QLatin1String(code::kReserved) && !request.override) {
                const discovery::TargetId target = request.target;
                auto *box = messageBox(QMessageBox::Warning, tr("Reserved by another host"),
                    tr("%1 is reserved by %2.").arg(device(target), macList(failure.macs)), m_parent);
                box->setObjectName(QStringLiteral("reserveOverride"));
                box->setInformativeText(tr("Taking the reservation over cuts those hosts off %1 at once; "
                                           "anything they are doing with it fails.")
                                            .arg(device(target)));
                QPushButton *take = box->addButton(tr("Take over"), QMessageBox::DestructiveRole);
                take->setObjectName(QStringLiteral("reserveOverrideTake"));
                box->setDefaultButton(box->addButton(QMessageBox::Cancel));
                connect(box, &QMessageBox::finished, this, [this, box, take, request, interfaceName] {
                    if (box->clickedButton() != take)
                        return;
                    auto forced = request;
                    forced.override = true;
                    sendReserveSet(forced, interfaceName);
                });
                box->open();
                return true;
            }
            return false;
        });
}

void TargetActions::confirmLockout(const discovery::RequestFailure &failure, bool reserveList,
    const QString &interfaceName, std::function<void()> proceed)
{
    const discovery::TargetId id = failure.target.value_or(discovery::TargetId {});
    const QString own = failure.ownMac ? QString::fromStdString(failure.ownMac->toString()) : tr("unknown");
    auto *box = messageBox(QMessageBox::Warning, tr("Lock this computer out?"),
        tr("Lock this computer out of %1?").arg(device(id)), m_parent);
    box->setObjectName(QStringLiteral("lockoutConfirm"));
    const QString after = reserveList
        ? tr("After this change %1 is reserved for %2, but not for this computer (%3 on %4).")
        : tr("After this change the MAC mask of %1 lists %2, but not this computer (%3 on %4).");
    box->setInformativeText(after.arg(device(id), macList(failure.macs), own, interfaceName) + QLatin1Char(' ')
        + tr("%1 will then ignore this computer: it cannot use %1 or undo the change from here, only from a host "
             "on the list or on the target itself.")
              .arg(device(id)));
    QPushButton *lock = box->addButton(tr("Lock this computer out"), QMessageBox::DestructiveRole);
    lock->setObjectName(QStringLiteral("lockoutConfirmLock"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, lock, id, proceed = std::move(proceed)] {
        if (box->clickedButton() == lock)
            proceed();
        else
            emit message(tr("Nothing was changed on %1.").arg(device(id)));
    });
    box->open();
}

} // namespace aoesan::ui
