// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/OptionsPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

#include "net/Ethers.h"
#include "wizard/AllowListBox.h"
#include "wizard/ExportDraft.h"

namespace aoesan::ui {

OptionsPage::OptionsPage(ExportDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_readOnly(new QCheckBox(tr("&Read-only: initiators cannot write"), this))
    , m_direct(new QCheckBox(tr("&Direct I/O: bypass this machine's page cache (O_DIRECT)"), this))
    , m_sync(new QCheckBox(tr("S&ynchronous writes: each write reaches the disk before it is answered (O_SYNC)"), this))
    , m_config(new QLineEdit(this))
    , m_allow(new AllowListBox(this))
    , m_wireEdits(new QComboBox(this))
    , m_autostart(new QCheckBox(tr("&Start this export whenever aoesan starts"), this))
{
    setTitle(tr("Options"));
    setSubTitle(tr("How the export behaves. The defaults suit most uses."));
    m_readOnly->setObjectName(QStringLiteral("readOnly"));
    m_direct->setObjectName(QStringLiteral("direct"));
    m_sync->setObjectName(QStringLiteral("sync"));
    m_config->setObjectName(QStringLiteral("configString"));
    m_allow->setObjectName(QStringLiteral("allowListBox"));
    m_autostart->setObjectName(QStringLiteral("autostart"));
    m_readOnly->setToolTip(tr("vblade -r"));
    m_direct->setToolTip(tr("vblade -d: slower on small requests, but no double caching and honest flushes"));
    m_sync->setToolTip(tr("vblade -s: safest, slowest"));
    m_config->setPlaceholderText(tr("optional, e.g. rack-b/3"));
    m_config->setToolTip(tr("The AoE config string initiators see in Query Config replies"));
    m_config->setMaxLength(supervisor::kMaxConfigStringBytes);
    m_autostart->setToolTip(tr("Start serving when aoesan starts (also used by the systemd unit)"));
    // The same three words as `exports add --wire-edits`; the first is vblade's behaviour and the default.
    m_wireEdits->setObjectName(QStringLiteral("wireEdits"));
    m_wireEdits->addItem(tr("Last until the export stops, as with vblade"), int(engine::WireEdits::Forget));
    m_wireEdits->addItem(tr("Are kept when it restarts (every machine here is trusted)"), int(engine::WireEdits::Keep));
    m_wireEdits->addItem(tr("Are refused"), int(engine::WireEdits::Refuse));
    m_wireEdits->setToolTip(tr("Any machine on the network can change who may use an export (aoe-mask, aoe-reserve). "
                               "Whatever you choose, such a change is shown on the Exports page."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Config string:"), m_config);
    auto *who = new QGroupBox(tr("Who may use this export"), this);
    who->setObjectName(QStringLiteral("allowGroup"));
    auto *whoLayout = new QVBoxLayout(who);
    whoLayout->addWidget(m_allow);
    auto *edits = new QFormLayout;
    edits->addRow(tr("C&hanges sent by other machines:"), m_wireEdits);
    whoLayout->addLayout(edits);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnly);
    layout->addWidget(m_direct);
    layout->addWidget(m_sync);
    layout->addLayout(form);
    layout->addWidget(who);
    layout->addWidget(m_autostart);
    layout->addStretch();
    connect(m_allow, &AllowListBox::changed, this, &QWizardPage::completeChanged);
}

void OptionsPage::initializePage()
{
    m_readOnly->setChecked(m_draft.record.readOnly || m_draft.readOnlyRequired);
    m_readOnly->setEnabled(!m_draft.readOnlyRequired);
    if (m_draft.readOnlyRequired)
        m_readOnly->setToolTip(tr("This device is in use here; it may only be exported read-only"));
    m_wireEdits->setCurrentIndex(std::max(0, m_wireEdits->findData(int(m_draft.record.wireEdits))));
    // Read each time the page is shown, so that a name just added to the file can be used without a restart.
    const QString path = net::ethersPath();
    auto names = net::readEthers(path);
    if (names)
        m_allow->setHostNames(std::move(names).value(), path);
    else
        m_allow->setHostNames({}, path, names.error());
}

bool OptionsPage::isComplete() const
{
    return m_allow->isComplete();
}

bool OptionsPage::validatePage()
{
    // A MAC typed but not added yet is what the person meant: add it, or stay and say why not.
    if (!m_allow->addTyped())
        return false;
    auto &r = m_draft.record;
    r.readOnly = m_readOnly->isChecked() || m_draft.readOnlyRequired;
    r.direct = m_direct->isChecked();
    r.sync = m_sync->isChecked();
    r.macs = m_allow->macs();
    r.wireEdits = static_cast<engine::WireEdits>(m_wireEdits->currentData().toInt());
    r.configString = m_config->text();
    r.autostart = m_autostart->isChecked();
    return true;
}

} // namespace aoesan::ui
