#include "targets/TargetDetails.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include "format/Format.h"
#include "format/Look.h"
#include "models/ExportModel.h"
#include "models/TargetModel.h"

namespace aoesan::ui {

namespace {
QString html(const std::string &s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}
} // namespace

TargetDetails::TargetDetails(TargetModel *targets, QWidget *parent)
    : QWidget(parent)
    , m_targets(targets)
    , m_body(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy boot URI"), this))
{
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_copy->setToolTip(tr("Copy the iPXE boot URI (aoe:eX.Y) of this target to the clipboard"));
    m_copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_body, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this, &TargetDetails::copyBootUri);
    connect(m_targets, &QAbstractItemModel::dataChanged, this, &TargetDetails::refresh);
    connect(m_targets, &QAbstractItemModel::rowsRemoved, this, &TargetDetails::refresh);
    connect(m_targets, &QAbstractItemModel::modelReset, this, &TargetDetails::refresh);
    refresh();
}

void TargetDetails::setExports(const ExportModel *exports)
{
    if (m_exports)
        disconnect(m_exports, nullptr, this, nullptr);
    m_exports = exports;
    if (m_exports) {
        connect(m_exports, &QAbstractItemModel::dataChanged, this, &TargetDetails::refresh);
        connect(m_exports, &QAbstractItemModel::modelReset, this, &TargetDetails::refresh);
    }
    refresh();
}

void TargetDetails::showTarget(std::optional<discovery::TargetId> id)
{
    m_id = id;
    refresh();
}

QString TargetDetails::text() const
{
    QTextDocument doc;
    doc.setHtml(m_body->text());
    return doc.toPlainText();
}

void TargetDetails::refresh()
{
    const auto *row = m_id ? m_targets->find(*m_id) : nullptr;
    m_copy->setEnabled(row != nullptr);
    if (!row) {
        m_body->setText(tr("<i>Select a target to see its details and paths.</i>"));
        return;
    }
    const auto &t = row->info;
    QStringList lines;
    QString head = QStringLiteral("<b>%1</b> — ").arg(html(t.id.deviceName()));
    if (t.identified) {
        head += tr("%1 (%2), %3 sectors, %4")
                    .arg(format::exactBytes(t.sizeBytes()), format::binarySize(t.sizeBytes()), format::count(t.sectors),
                        t.lba48 ? QStringLiteral("LBA48") : QStringLiteral("LBA28"));
    } else {
        head += tr("size not known yet (no answer to IDENTIFY)");
    }
    lines << head;
    QString state = QStringLiteral("<span style=\"color:%1\">●</span> %2")
                        .arg(lookColor(row->look()).name(), lookName(row->look()).toHtmlEscaped());
    if (row->downSince.isValid())
        state += QLatin1Char(' ') + tr("(down since %1)").arg(format::clockTime(row->downSince));
    lines << tr("State: %1").arg(state);
    if (const auto *served = m_exports ? m_exports->findActive(t.id.shelf, t.id.slot) : nullptr) {
        if (const QString restricted = ExportModel::restrictionText(served->status); !restricted.isEmpty())
            lines << QStringLiteral("<b>%1</b>")
                         .arg((served->status.restored ? tr("Exported here, %1 (list restored from an earlier run)")
                                                       : tr("Exported here, %1"))
                                  .arg(restricted)
                                  .toHtmlEscaped());
    }
    if (t.conflict)
        lines
            << QStringLiteral("<b style=\"color:#9a6700\">%1</b>").arg(tr("Conflict: %1").arg(html(t.conflictDetail)));
    QStringList paths;
    for (const auto &p : t.paths) {
        paths << tr("%1 → %2 (RTT %3)")
                     .arg(html(p.interfaceName), html(p.mac.toString()), format::roundTrip(p.rtt).toHtmlEscaped());
    }
    lines << tr("Paths: %1").arg(paths.isEmpty() ? tr("none") : paths.join(QStringLiteral(", ")));
    QStringList facts;
    if (!t.model.empty())
        facts << tr("model %1").arg(html(t.model));
    if (!t.serial.empty())
        facts << tr("serial %1").arg(html(t.serial));
    if (t.firmwareVersion() != 0)
        facts << tr("firmware 0x%1").arg(t.firmwareVersion(), 4, 16, QLatin1Char('0'));
    if (t.bufferCount() != 0)
        facts << tr("buffers %1").arg(t.bufferCount());
    if (t.payload() != 0)
        facts << tr("%1 bytes per frame").arg(t.payload());
    facts << tr("config \"%1\"").arg(html(t.configString));
    lines << facts.join(QStringLiteral(" · "));
    lines << tr("Boot URI: <code>aoe:%1</code>").arg(html(t.id.deviceName()));
    m_body->setText(lines.join(QStringLiteral("<br>")));
}

void TargetDetails::copyBootUri()
{
    if (m_id)
        QGuiApplication::clipboard()->setText(QStringLiteral("aoe:") + QString::fromStdString(m_id->deviceName()));
}

} // namespace aoesan::ui
