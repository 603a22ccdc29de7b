// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/AddressPage.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

#include <set>

#include "format/Format.h"
#include "models/TargetModel.h"
#include "wizard/ExportDraft.h"

namespace aoesan::ui {

namespace {
constexpr std::uint64_t kIpxeMinimumBytes = 8ULL << 20;
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kMtuRole = Qt::UserRole + 2;
} // namespace

AddressPage::AddressPage(ExportDraft &draft, const WizardContext &context, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_context(context)
    , m_shelf(new QSpinBox(this))
    , m_slot(new QSpinBox(this))
    , m_clash(new QLabel(this))
    , m_interfaces(new QListWidget(this))
    , m_notes(new QLabel(this))
{
    setTitle(tr("Where"));
    setSubTitle(tr("Choose the AoE address (shelf and slot) and the network interface to serve on."));
    m_shelf->setObjectName(QStringLiteral("shelf"));
    m_slot->setObjectName(QStringLiteral("slot"));
    m_clash->setObjectName(QStringLiteral("addressClash"));
    m_interfaces->setObjectName(QStringLiteral("interfaces"));
    m_shelf->setRange(0, supervisor::kMaxShelf);
    m_slot->setRange(0, supervisor::kMaxSlot);
    m_shelf->setToolTip(tr("Shelf number (0–65534): the X in eX.Y"));
    m_slot->setToolTip(tr("Slot number (0–254): the Y in eX.Y"));
    m_interfaces->setToolTip(tr("The Ethernet interface the initiators reach this machine on"));
    m_clash->setWordWrap(true);
    m_clash->setStyleSheet(QStringLiteral("color:#b02020; font-weight:bold"));
    m_notes->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("S&helf:"), m_shelf);
    form->addRow(tr("S&lot:"), m_slot);
    form->addRow(QString(), m_clash);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *label = new QLabel(tr("&Interface:"), this);
    label->setBuddy(m_interfaces);
    layout->addWidget(label);
    layout->addWidget(m_interfaces, 1);
    layout->addWidget(m_notes);

    connect(m_shelf, &QSpinBox::valueChanged, this, &AddressPage::check);
    connect(m_slot, &QSpinBox::valueChanged, this, &AddressPage::check);
    connect(m_interfaces, &QListWidget::currentRowChanged, this, &AddressPage::check);
}

void AddressPage::initializePage()
{
    if (m_interfaces->count() == 0 && m_context.listInterfaces) {
        const auto listed = m_context.listInterfaces();
        if (listed) {
            for (const auto &info : listed.value()) {
                const QString name = QString::fromStdString(info.name);
                const QString link = info.up ? (info.carrier ? tr("link up") : tr("no link")) : tr("down");
                auto *item = new QListWidgetItem(tr("%1 — %2, MTU %3, %4 sectors per frame, %5")
                                                     .arg(name, link)
                                                     .arg(info.mtu)
                                                     .arg(sectorsPerFrame(info.mtu))
                                                     .arg(QString::fromStdString(info.mac.toString())),
                    m_interfaces);
                item->setData(kNameRole, name);
                item->setData(kMtuRole, info.mtu);
                if (!info.up)
                    item->setForeground(Qt::gray);
            }
        }
        for (int i = 0; i < m_interfaces->count() && !m_context.preferredInterface.isEmpty(); ++i) {
            if (m_interfaces->item(i)->data(kNameRole).toString() == m_context.preferredInterface)
                m_interfaces->setCurrentRow(i);
        }
        for (int i = 0; i < m_interfaces->count() && m_interfaces->currentRow() < 0; ++i) {
            // Prefer an interface with a link.
            if (m_interfaces->item(i)->foreground() != QBrush(Qt::gray)) {
                m_interfaces->setCurrentRow(i);
                break;
            }
        }
        if (m_interfaces->currentRow() < 0 && m_interfaces->count() > 0)
            m_interfaces->setCurrentRow(0);
    }
    if (!m_suggested) {
        m_suggested = true;
        const auto [shelf, slot] = suggestAddress(currentInterface());
        m_shelf->setValue(shelf);
        m_slot->setValue(slot);
    }
    check();
}

QString AddressPage::currentInterface() const
{
    const auto *item = m_interfaces->currentItem();
    return item ? item->data(kNameRole).toString() : QString();
}

QString AddressPage::clash(int shelf, int slot, const QString &interface) const
{
    for (const auto &e : m_context.exports) {
        if (e.shelf == shelf && e.slot == slot && e.interface == interface)
            return tr("e%1.%2 is already used by the export '%3' on %4.").arg(shelf).arg(slot).arg(e.name, interface);
    }
    if (!m_context.targets)
        return {};
    const auto *row = m_context.targets->find({static_cast<std::uint16_t>(shelf), static_cast<std::uint8_t>(slot)});
    if (!row || row->exportedHere)
        return {};
    // Discovery may see the segment through another interface than the one served on (a bridge, the
    // two ends of the lab's veth pairs): any answer to this address is a clash.
    QStringList macs;
    for (const auto &p : row->info.paths)
        macs << QString::fromStdString(p.mac.toString());
    macs.removeDuplicates();
    QString who = macs.join(QStringLiteral(", "));
    if (!row->info.model.empty())
        who += QStringLiteral(" (%1)").arg(QString::fromStdString(row->info.model));
    return tr("e%1.%2 is already answered by %3.").arg(shelf).arg(slot).arg(who);
}

std::pair<int, int> AddressPage::suggestAddress(const QString &interface) const
{
    std::set<std::pair<int, int>> taken;
    std::set<int> ourShelves;
    for (const auto &e : m_context.exports) {
        if (e.interface == interface)
            taken.insert({e.shelf, e.slot});
        ourShelves.insert(e.shelf);
    }
    if (m_context.targets) {
        for (int r = 0; r < m_context.targets->rowCount(); ++r) {
            const auto &id = m_context.targets->rowAt(r).info.id;
            taken.insert({id.shelf, id.slot});
        }
    }
    const auto firstFree = [&](int shelf) -> std::optional<int> {
        for (int slot = 0; slot <= supervisor::kMaxSlot; ++slot) {
            if (!taken.contains({shelf, slot}))
                return slot;
        }
        return std::nullopt;
    };
    for (const int shelf : ourShelves) {
        if (const auto slot = firstFree(shelf))
            return {shelf, *slot};
    }
    for (int shelf = 0; shelf <= supervisor::kMaxShelf; ++shelf) {
        if (const auto slot = firstFree(shelf))
            return {shelf, *slot};
    }
    return {0, 0};
}

void AddressPage::check()
{
    const QString problem = clash(m_shelf->value(), m_slot->value(), currentInterface());
    m_clash->setText(problem);
    m_clash->setVisible(!problem.isEmpty());
    QStringList notes;
    if (const auto *item = m_interfaces->currentItem()) {
        const int mtu = item->data(kMtuRole).toInt();
        notes << tr("Initiators on %1 will read and write %2 sectors per frame.")
                     .arg(currentInterface())
                     .arg(sectorsPerFrame(mtu));
    } else {
        notes << tr("There is no Ethernet interface to serve on.");
    }
    if (m_draft.sizeBytes > 0 && m_draft.sizeBytes < kIpxeMinimumBytes)
        notes << tr("This disk is smaller than 8 MiB: iPXE cannot boot from it.");
    m_notes->setText(notes.join(QLatin1Char('\n')));
    emit completeChanged();
}

bool AddressPage::isComplete() const
{
    return !currentInterface().isEmpty() && m_clash->text().isEmpty();
}

bool AddressPage::validatePage()
{
    m_draft.record.shelf = static_cast<std::uint16_t>(m_shelf->value());
    m_draft.record.slot = static_cast<std::uint8_t>(m_slot->value());
    m_draft.record.interface = currentInterface();
    return true;
}

} // namespace aoesan::ui
