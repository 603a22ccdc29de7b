// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences: which interfaces to watch (none ticked = every one that is up), the probe interval,
// which notifications to show, whether the login entry starts aoesan in the tray, the language (applies
// at the next start), and, with a service link, the service's settings for disks of this machine (written
// when OK is pressed; the dialog stays open with the service's reason when it refuses).
#pragma once

#include <QDialog>

#include "settings/AppSettings.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QListWidget;
class QSpinBox;

namespace aoesan::ui {

class KernelSettingsGroup;
class SanLink;

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `interfaces`: the names to offer, besides any chosen ones that are gone now.
    // `link`: the service, for the group of disks of this machine (none: no such group).
    SettingsDialog(
        const AppSettings &settings, const QStringList &interfaces, QWidget *parent = nullptr, SanLink *link = nullptr);

    AppSettings settings() const;

    QListWidget *interfaceList() const { return m_interfaces; }
    QSpinBox *intervalBox() const { return m_interval; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *trayAtLoginBox() const { return m_trayAtLogin; }
    KernelSettingsGroup *kernelGroup() const { return m_kernel; }

public slots:
    // Writes the service's changed settings first; closes once it took them.
    void accept() override;

private:
    AppSettings m_original;
    QListWidget *m_interfaces;
    QSpinBox *m_interval;
    QCheckBox *m_notifications;
    QCheckBox *m_notifyTargets;
    QCheckBox *m_notifyExports;
    QCheckBox *m_trayAtLogin;
    QComboBox *m_language;
    KernelSettingsGroup *m_kernel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace aoesan::ui
