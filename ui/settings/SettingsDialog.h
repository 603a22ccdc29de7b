// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences: which interfaces to watch (none ticked = every one that is up), the probe interval,
// which notifications to show, whether the login entry starts aoesan in the tray, and the language (applies
// at the next start).
#pragma once

#include <QDialog>

#include "settings/AppSettings.h"

class QCheckBox;
class QComboBox;
class QListWidget;
class QSpinBox;

namespace aoesan::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // `interfaces`: the names to offer, besides any chosen ones that are gone now.
    SettingsDialog(const AppSettings &settings, const QStringList &interfaces, QWidget *parent = nullptr);

    AppSettings settings() const;

    QListWidget *interfaceList() const { return m_interfaces; }
    QSpinBox *intervalBox() const { return m_interval; }
    QComboBox *languageBox() const { return m_language; }
    QCheckBox *trayAtLoginBox() const { return m_trayAtLogin; }

private:
    AppSettings m_original;
    QListWidget *m_interfaces;
    QSpinBox *m_interval;
    QCheckBox *m_notifications;
    QCheckBox *m_notifyTargets;
    QCheckBox *m_notifyExports;
    QCheckBox *m_trayAtLogin;
    QComboBox *m_language;
};

} // namespace aoesan::ui
