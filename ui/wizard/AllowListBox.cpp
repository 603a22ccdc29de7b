// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/AllowListBox.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <algorithm>

#include "supervisor/ExportRecord.h"

namespace aoesan::ui {

AllowListBox::AllowListBox(QWidget *parent)
    : QWidget(parent)
    , m_everyone(new QRadioButton(tr("&Every machine"), this))
    , m_only(new QRadioButton(tr("&Only these machines:"), this))
    , m_panel(new QWidget(this))
    , m_list(new QListWidget(m_panel))
    , m_entry(new QLineEdit(m_panel))
    , m_add(new QPushButton(tr("&Add"), m_panel))
    , m_remove(new QPushButton(tr("Re&move"), m_panel))
    , m_problem(new QLabel(m_panel))
    , m_note(new QLabel(this))
{
    m_everyone->setObjectName(QStringLiteral("allowEveryone"));
    m_only->setObjectName(QStringLiteral("allowOnly"));
    m_panel->setObjectName(QStringLiteral("allowPanel"));
    m_list->setObjectName(QStringLiteral("allowList"));
    m_entry->setObjectName(QStringLiteral("allowEntry"));
    m_add->setObjectName(QStringLiteral("allowAdd"));
    m_remove->setObjectName(QStringLiteral("allowRemove"));
    m_problem->setObjectName(QStringLiteral("allowProblem"));
    m_note->setObjectName(QStringLiteral("allowNote"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_everyone);
    group->addButton(m_only);
    m_everyone->setChecked(true);
    m_everyone->setToolTip(tr("Any initiator that can reach this interface may use the disk"));
    m_only->setToolTip(tr("Only initiators sending from these MAC addresses may use the disk (vblade -m)"));
    // Four rows show; more scroll. The list is short by nature (at most kMaxMacs).
    m_list->setMaximumHeight(m_list->fontMetrics().lineSpacing() * 4 + 2 * m_list->frameWidth() + 6);
    m_problem->setStyleSheet(QStringLiteral("color:#b02020"));
    m_problem->setWordWrap(true);
    m_note->setWordWrap(true);
    m_note->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_note->setText(tr("A list of MAC addresses is no security on a shared network: any machine can send with "
                       "another machine's address. To keep other machines out, give the export a VLAN or a "
                       "network interface of its own."));

    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(m_entry, 1);
    entryRow->addWidget(m_add);
    entryRow->addWidget(m_remove);
    auto *panelLayout = new QVBoxLayout(m_panel);
    // Under its radio button, as a part of that choice.
    panelLayout->setContentsMargins(m_only->sizeHint().height(), 0, 0, 0);
    panelLayout->addWidget(m_list);
    panelLayout->addLayout(entryRow);
    panelLayout->addWidget(m_problem);
    auto *choice = new QVBoxLayout;
    choice->setContentsMargins(0, 0, 0, 0);
    choice->addWidget(m_everyone);
    choice->addWidget(m_only);
    choice->addWidget(m_panel);
    choice->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(choice, 3);
    layout->addWidget(m_note, 2);

    connect(m_only, &QRadioButton::toggled, this, &AllowListBox::refresh);
    connect(m_add, &QPushButton::clicked, this, &AllowListBox::addTyped);
    // Return in the field adds what is typed, and goes no further: the wizard would take it for Next.
    m_entry->installEventFilter(this);
    connect(m_entry, &QLineEdit::textChanged, this, [this] {
        m_problem->setText(m_fileProblem);
        emit changed();
    });
    connect(m_remove, &QPushButton::clicked, this, &AllowListBox::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    setHostNames({}, net::ethersPath());
}

bool AllowListBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_entry && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_entry->text().trimmed().isEmpty()) {
            addTyped();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void AllowListBox::setHostNames(net::EthersTable table, QString path, QString problem)
{
    m_names = std::move(table);
    m_path = std::move(path);
    m_fileProblem = problem.isEmpty() ? QString() : tr("Names from %1 cannot be used: %2").arg(m_path, problem);
    m_entry->setPlaceholderText(tr("a MAC address or a name from %1").arg(m_path));
    m_problem->setText(m_fileProblem);
    refresh();
}

void AllowListBox::setMacs(const std::vector<protocol::MacAddress> &macs)
{
    m_macs = macs;
    (macs.empty() ? m_everyone : m_only)->setChecked(true);
    refresh();
}

std::vector<protocol::MacAddress> AllowListBox::macs() const
{
    return m_only->isChecked() ? m_macs : std::vector<protocol::MacAddress> {};
}

bool AllowListBox::isComplete() const
{
    return !m_only->isChecked() || !m_macs.empty() || !m_entry->text().trimmed().isEmpty();
}

bool AllowListBox::addTyped()
{
    std::vector<protocol::MacAddress> added = m_macs;
    for (const QString &word : net::splitMacWords(m_entry->text())) {
        const auto mac = net::resolveMacWord(word, m_names);
        if (!mac) {
            switch (mac.error().code) {
            case net::MacWordError::Code::BadMac:
                m_problem->setText(tr("“%1” is not a MAC address (six hex numbers joined by “:”, e.g. "
                                      "02:00:00:00:00:01).")
                                       .arg(word));
                break;
            case net::MacWordError::Code::UnknownHost:
                m_problem->setText(tr("“%1” is neither a MAC address nor a name in %2.").arg(word, m_path));
                break;
            case net::MacWordError::Code::NoSender:
                m_problem->setText(tr("“%1” is no machine's address (all zeros, broadcast or multicast).").arg(word));
                break;
            }
            return false;
        }
        if (std::ranges::find(added, mac.value()) == added.end())
            added.push_back(mac.value());
    }
    if (added.size() > supervisor::kMaxMacs) {
        m_problem->setText(tr("At most %1 machines.").arg(supervisor::kMaxMacs));
        return false;
    }
    m_macs = std::move(added);
    m_entry->clear();
    refresh();
    return true;
}

void AllowListBox::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_macs.size()))
        return;
    m_macs.erase(m_macs.begin() + row);
    refresh();
}

void AllowListBox::refresh()
{
    m_panel->setVisible(m_only->isChecked());
    m_list->clear();
    for (const auto &mac : m_macs)
        m_list->addItem(m_names.describe(mac));
    m_remove->setEnabled(m_list->currentRow() >= 0);
    emit changed();
}

} // namespace aoesan::ui
