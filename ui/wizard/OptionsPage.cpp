// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/OptionsPage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "wizard/ExportDraft.h"

namespace aoesan::ui {

namespace {
QStringList macWords(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
}
} // namespace

OptionsPage::OptionsPage(ExportDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_readOnly(new QCheckBox(tr("&Read-only: initiators cannot write"), this))
    , m_direct(new QCheckBox(tr("&Direct I/O: bypass this machine's page cache (O_DIRECT)"), this))
    , m_sync(new QCheckBox(tr("S&ynchronous writes: each write reaches the disk before it is answered (O_SYNC)"), this))
    , m_macs(new QLineEdit(this))
    , m_config(new QLineEdit(this))
    , m_autostart(new QCheckBox(tr("&Start this export whenever aoesan starts"), this))
    , m_problem(new QLabel(this))
{
    setTitle(tr("Options"));
    setSubTitle(tr("How the export behaves. The defaults suit most uses."));
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_direct->setObjectName(QStringLiteral("direct"));
    m_sync->setObjectName(QStringLiteral("sync"));
    m_macs->setObjectName(QStringLiteral("macs"));
    m_config->setObjectName(QStringLiteral("configString"));
    m_autostart->setObjectName(QStringLiteral("autostart"));
    m_readOnly->setToolTip(tr("vblade -r"));
    m_direct->setToolTip(tr("vblade -d: slower on small requests, but no double caching and honest flushes"));
    m_sync->setToolTip(tr("vblade -s: safest, slowest"));
    m_macs->setPlaceholderText(tr("empty: every initiator may connect"));
    m_macs->setToolTip(tr("MAC addresses of the initiators allowed to use this disk, separated by commas (vblade -m)"));
    m_config->setPlaceholderText(tr("optional, e.g. rack-b/3"));
    m_config->setToolTip(tr("The AoE config string initiators see in Query Config replies"));
    m_config->setMaxLength(supervisor::kMaxConfigStringBytes);
    m_autostart->setToolTip(tr("Start serving when aoesan starts (also used by the systemd unit)"));
    m_problem->setStyleSheet(QStringLiteral("color:#b02020"));
    m_problem->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Allowed initiators:"), m_macs);
    form->addRow(tr("&Config string:"), m_config);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_direct);
    layout->addWidget(m_sync);
    layout->addLayout(form);
    layout->addWidget(m_autostart);
    layout->addWidget(m_problem);
    layout->addStretch();
    connect(m_macs, &QLineEdit::textChanged, this, &OptionsPage::check);
}

void OptionsPage::initializePage()
{
    m_readOnly->setChecked(m_draft.record.readOnly || m_draft.readOnlyRequired);
    m_readOnly->setEnabled(!m_draft.readOnlyRequired);
    if (m_draft.readOnlyRequired)
        m_readOnly->setToolTip(tr("This device is in use here; it may only be exported read-only"));
    check();
}

void OptionsPage::check()
{
    QStringList bad;
    const QStringList words = macWords(m_macs->text());
    for (const QString &word : words) {
        if (!protocol::MacAddress::fromString(word.toStdString()))
            bad << word;
    }
    if (!bad.isEmpty())
        m_problem->setText(tr("Not a MAC address: %1").arg(bad.join(QStringLiteral(", "))));
    else if (words.size() > static_cast<qsizetype>(supervisor::kMaxMacs))
        m_problem->setText(tr("At most %1 MAC addresses.").arg(supervisor::kMaxMacs));
    else
        m_problem->clear();
    emit completeChanged();
}

bool OptionsPage::isComplete() const
{
    return m_problem->text().isEmpty();
}

bool OptionsPage::validatePage()
{
    auto &r = m_draft.record;
    r.readOnly = m_readOnly->isChecked() || m_draft.readOnlyRequired;
    r.direct = m_direct->isChecked();
    r.sync = m_sync->isChecked();
    r.macs.clear();
    for (const QString &word : macWords(m_macs->text()))
        r.macs.push_back(*protocol::MacAddress::fromString(word.toStdString()));
    r.configString = m_config->text();
    r.autostart = m_autostart->isChecked();
    return true;
}

} // namespace aoesan::ui
