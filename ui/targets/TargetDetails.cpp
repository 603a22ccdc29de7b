// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/TargetDetails.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

#include "format/Format.h"
#include "format/Look.h"
#include "models/ExportModel.h"
#include "models/TargetModel.h"
#include "targets/TargetActions.h"

namespace aoesan::ui {

namespace {
QString html(const std::string &s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}
} // namespace

QStringList TargetDetails::conflictLines(const discovery::TargetInfo &t)
{
    // Every backend with its own size, in MAC order (the same every run), and which one the size above
    // is: the smallest (TargetRecord::snapshot says why).
    auto backends = t.backends;
    std::ranges::sort(backends, {}, &discovery::Backend::mac);
    QStringList lines;
    lines << QStringLiteral("<b style=\"color:#9a6700\">%1</b>")
                 .arg(tr("Conflict: %n backends answer this address", nullptr, static_cast<int>(backends.size())));
    for (const auto &b : backends) {
        QString line;
        if (b.identified) {
            line = tr("%1: %2, %3 sectors, serial \"%4\"")
                       .arg(html(b.mac.toString()), format::binarySize(b.sectors * 512U), format::count(b.sectors),
                           html(b.serial));
            if (t.identified && b.sectors == t.sectors && b.serial == t.serial)
                line += QLatin1Char(' ') + tr("(the size shown: the smallest)");
        } else {
            line = tr("%1: size not known yet").arg(html(b.mac.toString()));
        }
        lines << QStringLiteral("&nbsp;&nbsp;") + line;
    }
    return lines;
}

TargetDetails::TargetDetails(TargetModel *targets, QWidget *parent)
    : QWidget(parent)
    , m_targets(targets)
    , m_body(new QLabel(this))
    , m_copy(new QPushButton(tr("Copy boot URI"), this))
    , m_openBar(new QWidget(this))
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
    m_openBar->setObjectName(QStringLiteral("kernelOpenBar"));
    auto *openRow = new QHBoxLayout(m_openBar);
    openRow->setContentsMargins(0, 0, 0, 0);
    openRow->addStretch();
    m_openBar->hide();
    layout->addWidget(m_openBar);
    auto *buttons = new QHBoxLayout;
    buttons->setObjectName(QStringLiteral("detailsButtons"));
    buttons->addStretch();
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);
    connect(m_copy, &QPushButton::clicked, this, &TargetDetails::copyBootUri);
    connect(m_targets, &QAbstractItemModel::dataChanged, this, &TargetDetails::refresh);
    connect(m_targets, &QAbstractItemModel::rowsRemoved, this, &TargetDetails::refresh);
    connect(m_targets, &QAbstractItemModel::modelReset, this, &TargetDetails::refresh);
    refresh();
}

QStringList TargetDetails::kernelLines(const kernel::KernelDevice &d)
{
    QStringList lines;
    const QString color = d.up() ? QStringLiteral("#1a7f37") : QStringLiteral("#cf222e");
    // explainState begins with the driver's own word ("down,closewait: ..."), so it is not repeated.
    lines << tr("On this machine: <b><code>%1</code></b> — kernel state: <span style=\"color:%2\">%3</span>")
                 .arg(d.devicePath().toHtmlEscaped(), color, kernel::explainState(d.state).toHtmlEscaped());
    for (const auto &p : d.partitions) {
        QStringList facts;
        facts << format::binarySize(p.sectors * 512U);
        facts << (p.fsType.isEmpty() ? tr("no filesystem known") : p.fsType.toHtmlEscaped());
        if (!p.label.isEmpty())
            facts << tr("label \"%1\"").arg(p.label.toHtmlEscaped());
        facts << (p.mountPoints.isEmpty()
                ? tr("not mounted")
                : tr("mounted at %1").arg(p.mountPoints.join(QStringLiteral(", ")).toHtmlEscaped()));
        lines << QStringLiteral("&nbsp;&nbsp;<code>%1</code>: %2")
                     .arg(p.path.toHtmlEscaped(), facts.join(QStringLiteral(", ")));
    }
    if (d.partitions.empty())
        lines << QStringLiteral("&nbsp;&nbsp;") + tr("No partitions");
    lines << (d.users.empty() ? tr("Not in use: it can be detached")
                              : tr("In use: %1").arg(d.users.describe().toHtmlEscaped()));
    return lines;
}

void TargetDetails::setActions(TargetActions *actions)
{
    delete m_actionBar;
    m_actions = actions;
    connect(actions, &TargetActions::kernelNoteChanged, this, [this](discovery::TargetId id) {
        if (m_id == id)
            refresh();
    });
    m_actionBar = new QWidget(this);
    m_actionBar->setObjectName(QStringLiteral("targetActionBar"));
    auto *row = new QHBoxLayout(m_actionBar);
    row->setContentsMargins(0, 0, 0, 0);
    const auto add = [&](const char *name, const QString &text, const QString &tip,
                         void (TargetActions::*slot)(discovery::TargetId)) {
        auto *button = new QPushButton(text, m_actionBar);
        button->setObjectName(QLatin1String(name));
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, actions, [this, actions, slot] {
            if (m_id)
                (actions->*slot)(*m_id);
        });
        row->addWidget(button);
    };
    add("detailsIdentify", tr("Identify"), tr("Ask the target for its IDENTIFY data again"), &TargetActions::identify);
    add("detailsConfig", tr("Config…"), tr("Read or set the target's config string"), &TargetActions::editConfig);
    add("detailsMask", tr("MAC mask…"), tr("View or edit which hosts the target answers"), &TargetActions::editMask);
    add("detailsReserve", tr("Reservations…"), tr("View or set which hosts may read and write the target"),
        &TargetActions::editReserve);
    add("detailsUse", tr("Use on this machine"),
        tr("Make this target a disk of this machine through the kernel's aoe driver (Ctrl+U)"),
        &TargetActions::useOnThisMachine);
    add("detailsDetach", tr("Detach"), tr("Release this machine's disk of the target (Ctrl+Shift+U)"),
        &TargetActions::detach);
    row->addStretch();
    // The copy buttons stay together at the right.
    add("detailsCopyIpxe", tr("Copy iPXE line"), tr("Copy “sanboot aoe:eX.Y” to the clipboard"),
        &TargetActions::copyIpxeLine);
    if (auto *buttons = findChild<QHBoxLayout *>(QStringLiteral("detailsButtons")))
        buttons->insertWidget(0, m_actionBar, 1);
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
    if (m_actionBar) {
        // As in the context menu: a target that does not answer can only have its line copied.
        const bool up = row && row->info.state == discovery::TargetState::Up;
        for (auto *button : m_actionBar->findChildren<QPushButton *>()) {
            const QString name = button->objectName();
            if (name == QLatin1String("detailsUse"))
                button->setEnabled(m_id && m_actions->canUse(*m_id));
            else if (name == QLatin1String("detailsDetach"))
                button->setEnabled(m_id && m_actions->canDetach(*m_id));
            else
                button->setEnabled(name == QLatin1String("detailsCopyIpxe") ? row != nullptr : up);
        }
    }
    updateOpenButtons(row && m_actions ? m_targets->kernelDevice(row->info.id) : nullptr);
    if (!row) {
        m_body->setText(tr("<i>Select a target to see its details and paths.</i>"));
        return;
    }
    const auto &t = row->info;
    QStringList lines;
    QString head = QStringLiteral("<b>%1</b> — ").arg(html(t.id.deviceName()));
    if (t.identified) {
        head += tr("%1 (%2), %3 sectors, %4")
                    .arg(format::binarySize(t.sizeBytes()), format::exactBytes(t.sizeBytes()), format::count(t.sectors),
                        t.lba48 ? QStringLiteral("LBA48") : QStringLiteral("LBA28"));
        // aoe-stat's own text, labelled as such: the one place its decimal "GB" form is shown.
        head += QStringLiteral(" · ") + tr("aoe-stat: %1").arg(format::aoeStatGb(t.sectors));
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
        if (const QString restricted = ExportModel::restrictionText(served->status); !restricted.isEmpty()) {
            const auto &s = served->status;
            const QString text = !s.accessChangedBy.isEmpty()
                ? tr("Exported here, %1 (list set over the network by %2)").arg(restricted, s.accessChangedBy)
                : s.restored ? tr("Exported here, %1 (list restored from an earlier run)").arg(restricted)
                             : tr("Exported here, %1").arg(restricted);
            lines << QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped());
        }
    }
    if (const auto *device = m_targets->kernelDevice(t.id))
        lines << kernelLines(*device);
    else if (row->exportedHere && row->local)
        // Why "Use on this machine" only names the backing file for it: the driver never sees frames this
        // machine sends.
        lines << tr("Exported by this machine: the kernel's aoe driver cannot use it here (it does not see "
                    "this machine's own frames); use %1 itself.")
                     .arg(QStringLiteral("<code>%1</code>")
                              .arg((m_exports && m_exports->findActive(t.id.shelf, t.id.slot)
                                      ? m_exports->findActive(t.id.shelf, t.id.slot)->record.path
                                      : row->local->name)
                                       .toHtmlEscaped()));
    if (const QString note = m_actions ? m_actions->kernelNote(t.id) : QString(); !note.isEmpty())
        lines << QStringLiteral("<i>%1</i>").arg(note.toHtmlEscaped());
    if (t.conflict)
        lines << conflictLines(t);
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
    if (const QString firmware = TargetModel::firmwareText(t); !firmware.isEmpty())
        facts << tr("firmware %1").arg(firmware);
    if (t.bufferCount() != 0)
        facts << tr("buffers %1").arg(t.bufferCount());
    if (t.payload() != 0)
        facts << tr("%1 bytes per frame").arg(t.payload());
    facts << tr("config \"%1\"").arg(html(t.configString));
    lines << facts.join(QStringLiteral(" · "));
    lines << tr("Boot URI: <code>aoe:%1</code>").arg(html(t.id.deviceName()));
    m_body->setText(lines.join(QStringLiteral("<br>")));
    updateGeometry();
}

void TargetDetails::updateOpenButtons(const kernel::KernelDevice *device)
{
    QStringList nodes;
    if (device) {
        for (const auto &p : device->partitions) {
            if (!p.fsType.isEmpty())
                nodes << p.path;
        }
        // The driver's list carries no filesystem type for the whole disk: udisks2 says whether it has one.
        if (device->partitions.empty())
            nodes << device->devicePath();
    }
    const bool up = device && device->up();
    if (nodes != m_openNodes) {
        m_openNodes = nodes;
        auto *row = static_cast<QHBoxLayout *>(m_openBar->layout());
        // Later, not now: refresh() may run inside one of these buttons' own clicked signal.
        for (auto *old : m_openBar->findChildren<QPushButton *>()) {
            old->hide();
            old->deleteLater();
        }
        for (const QString &node : nodes) {
            auto *button = new QPushButton(tr("Open %1").arg(node.section(QLatin1Char('/'), -1)), m_openBar);
            button->setObjectName(QStringLiteral("detailsOpen"));
            button->setProperty("node", node);
            button->setToolTip(tr("Mount %1 (through udisks2) and open it in the file manager").arg(node));
            connect(button, &QPushButton::clicked, this, [this, node] {
                if (m_actions)
                    m_actions->openFilesystem(node);
            });
            row->insertWidget(row->count() - 1, button);
        }
        m_openBar->setVisible(!nodes.isEmpty());
    }
    for (auto *button : m_openBar->findChildren<QPushButton *>())
        button->setEnabled(up);
}

QSize TargetDetails::minimumSizeHint() const
{
    const QMargins margins = layout()->contentsMargins();
    const int bodyWidth = std::max(width(), 200) - margins.left() - margins.right();
    return {QWidget::minimumSizeHint().width(),
        margins.top() + m_body->heightForWidth(bodyWidth) + layout()->spacing() + m_copy->sizeHint().height()
            + (m_openBar->isVisible() ? m_openBar->sizeHint().height() + layout()->spacing() : 0) + margins.bottom()};
}

void TargetDetails::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateGeometry(); // the lines wrap differently at another width
}

void TargetDetails::copyBootUri()
{
    if (m_id)
        QGuiApplication::clipboard()->setText(QStringLiteral("aoe:") + QString::fromStdString(m_id->deviceName()));
}

} // namespace aoesan::ui
