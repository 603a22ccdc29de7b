// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "settings/KernelSettingsGroup.h"

namespace aoesan::ui {

SettingsDialog::SettingsDialog(
    const AppSettings &settings, const QStringList &interfaces, QWidget *parent, SanLink *link)
    : QDialog(parent)
    , m_original(settings)
    , m_interfaces(new QListWidget(this))
    , m_interval(new QSpinBox(this))
    , m_notifications(new QCheckBox(tr("Show &notifications"), this))
    , m_notifyTargets(new QCheckBox(tr("When a &target goes down or comes back"), this))
    , m_notifyExports(new QCheckBox(tr("When an &export fails"), this))
    , m_trayAtLogin(new QCheckBox(tr("&Start aoesan in the tray when I log in"), this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("aoesan settings"));
    QStringList names = interfaces;
    for (const QString &chosen : settings.interfaces) {
        if (!names.contains(chosen))
            names << chosen;
    }
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_interfaces);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(settings.interfaces.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_interfaces->setToolTip(tr("Tick the interfaces to look for targets on; with none ticked, every Ethernet "
                                "interface that is up is used"));
    m_interfaces->setMaximumHeight(120);

    m_interval->setRange(AppSettings::kMinInterval, AppSettings::kMaxInterval);
    m_interval->setValue(settings.intervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("Seconds between probes; a target is down after three intervals without an answer"));

    m_notifications->setChecked(settings.notifications);
    m_notifyTargets->setChecked(settings.notifyTargets);
    m_notifyExports->setChecked(settings.notifyExports);
    m_notifications->setToolTip(tr("Show desktop notifications from the tray icon"));
    connect(m_notifications, &QCheckBox::toggled, m_notifyTargets, &QWidget::setEnabled);
    connect(m_notifications, &QCheckBox::toggled, m_notifyExports, &QWidget::setEnabled);
    m_notifyTargets->setEnabled(settings.notifications);
    m_notifyExports->setEnabled(settings.notifications);

    m_trayAtLogin->setChecked(settings.trayAtLogin);
    m_trayAtLogin->setToolTip(tr("At login aoesan starts with its window hidden and watches your targets and "
                                 "exports from the tray icon"));

    // Language names are written in their own language, so anyone can find theirs.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    m_language->setToolTip(tr("The language of aoesan's window; a change applies the next time aoesan starts"));

    auto *discovery = new QGroupBox(tr("Discovery"), this);
    auto *discoveryForm = new QFormLayout(discovery);
    discoveryForm->addRow(tr("&Interfaces:"), m_interfaces);
    discoveryForm->addRow(tr("Probe &every:"), m_interval);
    auto *notify = new QGroupBox(tr("Notifications"), this);
    auto *notifyLayout = new QVBoxLayout(notify);
    notifyLayout->addWidget(m_notifications);
    notifyLayout->addWidget(m_notifyTargets);
    notifyLayout->addWidget(m_notifyExports);
    auto *general = new QFormLayout;
    general->addRow(m_trayAtLogin);
    general->addRow(tr("&Language:"), m_language);

    if (link)
        m_kernel = new KernelSettingsGroup(link, this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons = buttons;
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(discovery);
    layout->addWidget(notify);
    if (m_kernel)
        layout->addWidget(m_kernel);
    layout->addLayout(general);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    if (!m_kernel || m_kernel->changes().isEmpty()) {
        QDialog::accept();
        return;
    }
    // The service may ask for a password first: OK waits, Cancel still closes.
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_kernel->save([self = QPointer(this)](std::optional<QString> error) {
        if (!self)
            return;
        self->m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
        if (!error) {
            self->QDialog::accept();
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Disks of this machine"),
            tr("The service did not take the settings for disks of this machine."), QMessageBox::Ok, self);
        box->setObjectName(QStringLiteral("kernelSettingsError"));
        box->setInformativeText(*error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_original;
    s.interfaces.clear();
    for (int i = 0; i < m_interfaces->count(); ++i) {
        if (m_interfaces->item(i)->checkState() == Qt::Checked)
            s.interfaces << m_interfaces->item(i)->text();
    }
    s.intervalSeconds = m_interval->value();
    s.notifications = m_notifications->isChecked();
    s.notifyTargets = m_notifyTargets->isChecked();
    s.notifyExports = m_notifyExports->isChecked();
    s.trayAtLogin = m_trayAtLogin->isChecked();
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace aoesan::ui
