// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/KernelSettingsGroup.h"

#include <QCheckBox>
#include <QDBusArgument>
#include <QFormLayout>
#include <QLabel>
#include <QPointer>
#include <QSpinBox>

#include "service/DbusApi.h"
#include "service/SanLink.h"

namespace aoesan::ui {

namespace key = service::kernel_key;

namespace {
// Properties.Get hands an a{sv} inside a variant over as a QDBusArgument; an in-process link as the map.
QVariantMap mapOf(const QVariant &value)
{
    if (value.canConvert<QDBusArgument>())
        return qdbus_cast<QVariantMap>(value.value<QDBusArgument>());
    return value.toMap();
}
} // namespace

KernelSettingsGroup::KernelSettingsGroup(SanLink *link, QWidget *parent)
    : QGroupBox(tr("Disks of this machine"), parent)
    , m_link(link)
    , m_flush(new QSpinBox(this))
    , m_reattach(new QCheckBox(tr("&Attach it again when its target is back"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("kernelSettings"));
    m_flush->setObjectName(QStringLiteral("kernelFlushAfter"));
    m_flush->setRange(0, static_cast<int>(key::kMaxFlushDownAfterSeconds));
    m_flush->setSuffix(tr(" s"));
    m_flush->setSpecialValueText(tr("never"));
    m_flush->setToolTip(tr("A disk of this machine whose target went down, and that no program or mount uses, is "
                           "released after this long, so that it cannot hang the next fdisk or shutdown; 0: never"));
    m_reattach->setObjectName(QStringLiteral("kernelReattach"));
    m_reattach->setToolTip(tr("A disk that was released while its target was down becomes a disk of this machine "
                              "again once discovery sees the target back"));
    m_note->setObjectName(QStringLiteral("kernelSettingsNote"));
    m_note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Release a down disk nobody uses after:"), m_flush);
    form->addRow(m_reattach);
    form->addRow(m_note);
    m_flush->setEnabled(false);
    m_reattach->setEnabled(false);
    // Empty until the service said its value: a disabled "never" would read as the setting.
    m_flush->clear();
    m_note->setText(tr("Reading the service's settings…"));
    read();
}

void KernelSettingsGroup::read()
{
    if (!m_link || !m_link->isConnected()) {
        unavailable(tr("The aoesan service is not running, so these settings cannot be read or changed now."));
        return;
    }
    m_link->managerProperty(
        QStringLiteral("KernelSettings"), [self = QPointer(this)](Result<QVariantList, service::ServiceError> reply) {
            if (!self)
                return;
            const QVariantMap values = reply ? mapOf(reply->value(0)) : QVariantMap {};
            if (!reply || !values.contains(QLatin1String(key::kFlushDownAfterSeconds))) {
                if (!reply && reply.error().name != QLatin1String(service::error::kUnknownProperty))
                    self->unavailable(
                        tr("The aoesan service did not give these settings: %1").arg(reply.error().message));
                else
                    self->unavailable(tr("The aoesan service running now is older and has no settings for disks of "
                                         "this machine."));
                return;
            }
            self->m_flushRead = values.value(QLatin1String(key::kFlushDownAfterSeconds)).toUInt();
            self->m_reattachRead = values.value(QLatin1String(key::kReattach)).toBool();
            self->m_flush->setValue(static_cast<int>(self->m_flushRead));
            self->m_reattach->setChecked(self->m_reattachRead);
            self->m_flush->setEnabled(true);
            self->m_reattach->setEnabled(true);
            self->m_note->setText(tr("The service keeps these for every user of this machine."));
            self->m_available = true;
            emit self->loaded();
        });
}

void KernelSettingsGroup::unavailable(const QString &why)
{
    m_available = false;
    m_flush->setEnabled(false);
    m_reattach->setEnabled(false);
    m_reattach->setChecked(false);
    m_flush->clear();
    m_note->setText(why);
    emit loaded();
}

QVariantMap KernelSettingsGroup::changes() const
{
    QVariantMap changed;
    if (!m_available)
        return changed;
    if (static_cast<unsigned>(m_flush->value()) != m_flushRead)
        changed.insert(QLatin1String(key::kFlushDownAfterSeconds), QVariant::fromValue(uint(m_flush->value())));
    if (m_reattach->isChecked() != m_reattachRead)
        changed.insert(QLatin1String(key::kReattach), m_reattach->isChecked());
    return changed;
}

void KernelSettingsGroup::save(std::function<void(std::optional<QString> error)> done)
{
    const QVariantMap changed = changes();
    if (changed.isEmpty() || !m_link) {
        done(std::nullopt);
        return;
    }
    m_link->managerCall(QStringLiteral("SetKernelSettings"), {changed},
        [self = QPointer(this), changed, done = std::move(done)](Result<QVariantList, service::ServiceError> reply) {
            if (!reply) {
                done(reply.error().message);
                return;
            }
            if (self) {
                // What the service has now: a second OK changes nothing.
                self->m_flushRead = static_cast<unsigned>(self->m_flush->value());
                self->m_reattachRead = self->m_reattach->isChecked();
            }
            done(std::nullopt);
        });
}

} // namespace aoesan::ui
