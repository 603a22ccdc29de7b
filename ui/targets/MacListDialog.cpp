// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/MacListDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace aoesan::ui {

MacListDialog::MacListDialog(const Texts &texts, std::vector<protocol::MacAddress> macs, protocol::MacAddress own,
    QString interfaceName, QWidget *parent)
    : QDialog(parent)
    , m_texts(texts)
    , m_original(macs)
    , m_macs(std::move(macs))
    , m_own(own)
    , m_interface(std::move(interfaceName))
    , m_list(new QListWidget(this))
    , m_entry(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setObjectName(QStringLiteral("macListDialog"));
    setWindowTitle(texts.title);
    auto *explanation = new QLabel(texts.explanation, this);
    explanation->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("macListNote"));
    m_note->setWordWrap(true);
    // Room for the longest note (the lock-out warning), so that it is never cut when the text changes.
    m_note->setMinimumHeight(m_note->fontMetrics().lineSpacing() * 3);
    m_note->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_list->setObjectName(QStringLiteral("macList"));
    m_entry->setObjectName(QStringLiteral("macEntry"));
    m_entry->setPlaceholderText(QStringLiteral("02:00:00:00:00:01"));
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(QStringLiteral("macAdd"));
    auto *addOwnButton = new QPushButton(tr("Add &this computer"), this);
    addOwnButton->setObjectName(QStringLiteral("macAddOwn"));
    addOwnButton->setEnabled(!m_own.isZero());
    m_remove->setObjectName(QStringLiteral("macRemove"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Apply"));

    auto *entryRow = new QHBoxLayout;
    entryRow->addWidget(m_entry, 1);
    entryRow->addWidget(add);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addOwnButton);
    listButtons->addWidget(m_remove);
    listButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_list, 1);
    layout->addLayout(listButtons);
    layout->addLayout(entryRow);
    layout->addWidget(m_note);
    layout->addWidget(buttons);

    resize(fontMetrics().averageCharWidth() * 64, fontMetrics().lineSpacing() * 22);
    connect(add, &QPushButton::clicked, this, &MacListDialog::addTyped);
    connect(m_entry, &QLineEdit::returnPressed, this, &MacListDialog::addTyped);
    connect(addOwnButton, &QPushButton::clicked, this, &MacListDialog::addOwn);
    connect(m_remove, &QPushButton::clicked, this, &MacListDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

bool MacListDialog::addTyped()
{
    const auto mac = protocol::MacAddress::fromString(m_entry->text().trimmed().toStdString());
    if (!mac || mac->isZero() || *mac == protocol::MacAddress::broadcast()) {
        m_note->setText(tr("“%1” is not a MAC address (six pairs of hex digits, e.g. 02:00:00:00:00:01).")
                            .arg(m_entry->text().trimmed()));
        return false;
    }
    if (std::ranges::find(m_macs, *mac) == m_macs.end())
        m_macs.push_back(*mac);
    m_entry->clear();
    refresh();
    return true;
}

void MacListDialog::addOwn()
{
    if (!m_own.isZero() && std::ranges::find(m_macs, m_own) == m_macs.end())
        m_macs.push_back(m_own);
    refresh();
}

void MacListDialog::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_macs.size()))
        return;
    m_macs.erase(m_macs.begin() + row);
    refresh();
}

void MacListDialog::refresh()
{
    m_list->clear();
    for (const auto &mac : m_macs) {
        QString text = QString::fromStdString(mac.toString());
        if (mac == m_own)
            text += QStringLiteral("  ") + tr("(this computer)");
        m_list->addItem(text);
    }
    m_remove->setEnabled(m_list->currentRow() >= 0);
    const bool ownListed = std::ranges::find(m_macs, m_own) != m_macs.end();
    if (m_macs.empty())
        m_note->setText(m_texts.emptyMeaning);
    else if (!ownListed && !m_own.isZero())
        m_note->setText(QStringLiteral("<b style=\"color:#b3261e\">%1</b>")
                            .arg(tr("This computer (%1 on %2) is not on the list: it will be locked out.")
                                     .arg(QString::fromStdString(m_own.toString()), m_interface)
                                     .toHtmlEscaped()));
    else
        m_note->setText(tr("This computer is %1 on %2.").arg(QString::fromStdString(m_own.toString()), m_interface));
}

} // namespace aoesan::ui
