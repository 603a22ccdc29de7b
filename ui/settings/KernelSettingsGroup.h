// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog's group for disks of this machine (the kernel's aoe driver): how long a down disk
// that nobody uses stays before the service releases it, and whether the service attaches it again when its
// target is back. They are the service's (Manager.KernelSettings, SetKernelSettings), read when the group
// opens; with a service that has none (older, or not running) the group is disabled and says why.
#pragma once

#include <QGroupBox>
#include <QVariantMap>

#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace aoesan::ui {

class SanLink;

class KernelSettingsGroup : public QGroupBox
{
    Q_OBJECT

public:
    // `link` may be null: no service, the group says so.
    explicit KernelSettingsGroup(SanLink *link, QWidget *parent = nullptr);

    // The service's settings were read: the controls show them and may be changed.
    bool available() const { return m_available; }
    // What the person changed, as SetKernelSettings takes it (only the changed keys; empty: nothing).
    QVariantMap changes() const;
    // Writes changes() through the service; `done` gets the service's error in words, or nothing.
    // Nothing changed: `done` at once without a call.
    void save(std::function<void(std::optional<QString> error)> done);

    QSpinBox *flushBox() const { return m_flush; }
    QCheckBox *reattachBox() const { return m_reattach; }
    QLabel *note() const { return m_note; }

signals:
    // The read finished (available() or not).
    void loaded();

private:
    void read();
    void unavailable(const QString &why);

    SanLink *m_link;
    QSpinBox *m_flush;
    QCheckBox *m_reattach;
    QLabel *m_note;
    bool m_available = false;
    unsigned m_flushRead = 0;
    bool m_reattachRead = false;
};

} // namespace aoesan::ui
