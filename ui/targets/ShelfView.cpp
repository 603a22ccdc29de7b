// SPDX-License-Identifier: GPL-3.0-or-later
#include "targets/ShelfView.h"

#include <QAbstractProxyModel>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

#include "format/Format.h"
#include "format/Look.h"
#include "models/TargetModel.h"

namespace aoesan::ui {

ShelfView::ShelfView(TargetModel *targets, QAbstractProxyModel *visible, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_targets(targets)
    , m_visible(visible)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    horizontalScrollBar()->setEnabled(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setToolTip(tr("Every shelf with its slots: green up, red down, amber conflict, blue exported from this machine. "
                  "Click to select, double-click or Enter to open in the Targets table."));
    QAbstractItemModel *model = m_visible ? static_cast<QAbstractItemModel *>(m_visible.data()) : m_targets;
    connect(model, &QAbstractItemModel::rowsInserted, this, &ShelfView::scheduleRebuild);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ShelfView::scheduleRebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &ShelfView::scheduleRebuild);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ShelfView::scheduleRebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &ShelfView::scheduleRebuild);
    rebuild();
}

void ShelfView::scheduleRebuild()
{
    // Coalesce a burst of model signals (a thousand targets answering at once) into one layout pass.
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, &ShelfView::rebuild);
}

void ShelfView::rebuild()
{
    m_rebuildPending = false;
    std::vector<TileInput> tiles;
    QSet<std::uint16_t> shelves;
    const auto add = [&](int sourceRow) {
        const auto &row = m_targets->rowAt(sourceRow);
        shelves.insert(row.info.id.shelf);
        tiles.push_back({row.info.id, row.look(),
            row.info.identified ? format::binarySize(row.info.sizeBytes()) : QStringLiteral("?")});
    };
    if (m_visible) {
        const int rows = m_visible->rowCount();
        tiles.reserve(static_cast<std::size_t>(rows));
        for (int r = 0; r < rows; ++r)
            add(m_visible->mapToSource(m_visible->index(r, 0)).row());
    } else {
        for (int r = 0; r < m_targets->rowCount(); ++r)
            add(r);
    }
    m_layout.build(
        std::move(tiles), viewport()->width(), ShelfMetrics::forShelfCount(static_cast<int>(shelves.size())));
    verticalScrollBar()->setRange(0, std::max(0, m_layout.contentHeight() - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(24);
    if (m_current && !m_layout.tileFor(*m_current))
        setCurrent(std::nullopt);
    viewport()->update();
}

QRect ShelfView::tileRect(discovery::TargetId id) const
{
    const auto *tile = m_layout.tileFor(id);
    return tile ? tile->rect.translated(0, -verticalScrollBar()->value()) : QRect();
}

void ShelfView::setCurrent(std::optional<discovery::TargetId> id)
{
    if (id == m_current)
        return;
    m_current = id;
    if (id)
        ensureVisible(*id);
    viewport()->update();
    emit currentChanged(id);
}

void ShelfView::ensureVisible(discovery::TargetId id)
{
    const auto *tile = m_layout.tileFor(id);
    if (!tile)
        return;
    auto *bar = verticalScrollBar();
    if (tile->rect.top() < bar->value())
        bar->setValue(tile->rect.top() - 8);
    else if (tile->rect.bottom() > bar->value() + viewport()->height())
        bar->setValue(tile->rect.bottom() - viewport()->height() + 8);
}

void ShelfView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const int offset = verticalScrollBar()->value();
    painter.translate(0, -offset);
    if (m_layout.bands().empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(0, offset, viewport()->width(), viewport()->height()),
            Qt::AlignCenter | Qt::TextWordWrap, tr("No targets yet.\nDiscovered shelves and slots appear here."));
        return;
    }
    const auto [first, last] = m_layout.bandsBetween(offset, offset + viewport()->height());
    QFont labelFont = font();
    labelFont.setBold(true);
    for (std::size_t b = first; b < last; ++b) {
        const auto &band = m_layout.bands()[b];
        if (b % 2 == 1)
            painter.fillRect(band.rect, palette().color(QPalette::AlternateBase));
        painter.setFont(labelFont);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(band.labelRect, Qt::AlignLeft | Qt::AlignVCenter, tr("Shelf %1").arg(band.shelf));
        painter.setFont(font());
        for (const auto &tile : band.tiles)
            paintTile(painter, tile);
    }
}

void ShelfView::paintTile(QPainter &painter, const ShelfTile &tile) const
{
    const QRectF r = QRectF(tile.rect).adjusted(0.5, 0.5, -0.5, -0.5);
    if (tile.isHole()) {
        QPen pen(palette().color(QPalette::Mid), 1, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r, 5, 5);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const QString label = tile.holeSlots == 1 ? QString::fromStdString(tile.id.deviceName())
                                                  : tr("%n empty", nullptr, tile.holeSlots);
        painter.drawText(tile.rect, Qt::AlignCenter, label);
        return;
    }
    const QColor fill = lookColor(tile.look);
    painter.setPen(QPen(fill.darker(140), 1));
    painter.setBrush(fill);
    painter.drawRoundedRect(r, 5, 5);
    if (m_current && *m_current == tile.id) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 3));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(r.adjusted(-2, -2, 2, 2), 6, 6);
    }
    if (const auto *device = m_targets->kernelDevice(tile.id)) {
        // Used on this machine: a white disk badge in the corner, its dot the kernel's state.
        const QRectF badge(r.right() - 15, r.top() + 3, 12, 12);
        painter.setPen(QPen(fill.darker(160), 1));
        painter.setBrush(Qt::white);
        painter.drawEllipse(badge);
        painter.setPen(Qt::NoPen);
        painter.setBrush(device->up() ? QColor(0x1a, 0x7f, 0x37) : QColor(0xcf, 0x22, 0x2e));
        painter.drawEllipse(badge.adjusted(3, 3, -3, -3));
    }
    painter.setPen(Qt::white);
    QFont bold = font();
    bold.setBold(true);
    const QRect inner = tile.rect.adjusted(4, 2, -4, -2);
    const int half = inner.height() / 2;
    painter.setFont(bold);
    painter.drawText(QRect(inner.left(), inner.top(), inner.width(), half), Qt::AlignHCenter | Qt::AlignBottom,
        QString::fromStdString(tile.id.deviceName()));
    painter.setFont(font());
    painter.drawText(QRect(inner.left(), inner.top() + half, inner.width(), inner.height() - half),
        Qt::AlignHCenter | Qt::AlignTop, tile.size);
}

void ShelfView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    rebuild();
}

void ShelfView::mousePressEvent(QMouseEvent *event)
{
    const auto hit = m_layout.targetAt(event->position().toPoint() + QPoint(0, verticalScrollBar()->value()));
    if (hit)
        setCurrent(hit);
    QAbstractScrollArea::mousePressEvent(event);
}

void ShelfView::contextMenuEvent(QContextMenuEvent *event)
{
    // The menu key acts on the tile in focus; a right click on the tile under the pointer.
    std::optional<discovery::TargetId> hit = m_current;
    QPoint at = m_current ? tileRect(*m_current).center() : QPoint();
    if (event->reason() != QContextMenuEvent::Keyboard) {
        at = event->pos(); // a mouse's menu event comes through the viewport, in its coordinates
        hit = m_layout.targetAt(at + QPoint(0, verticalScrollBar()->value()));
        if (hit)
            setCurrent(hit);
    }
    if (!hit)
        return;
    emit targetMenuRequested(*hit, viewport()->mapToGlobal(at));
    event->accept();
}

void ShelfView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const auto hit = m_layout.targetAt(event->position().toPoint() + QPoint(0, verticalScrollBar()->value()));
    if (hit)
        emit targetActivated(*hit);
}

void ShelfView::keyPressEvent(QKeyEvent *event)
{
    std::optional<discovery::TargetId> next;
    const auto move = [&](int dx, int dy) {
        if (!m_current) {
            const auto &bands = m_layout.bands();
            for (const auto &band : bands) {
                for (const auto &tile : band.tiles) {
                    if (!tile.isHole())
                        return std::optional(tile.id);
                }
            }
            return std::optional<discovery::TargetId>();
        }
        return m_layout.neighbour(*m_current, dx, dy);
    };
    switch (event->key()) {
    case Qt::Key_Left:
        next = move(-1, 0);
        break;
    case Qt::Key_Right:
        next = move(1, 0);
        break;
    case Qt::Key_Up:
        next = move(0, -1);
        break;
    case Qt::Key_Down:
        next = move(0, 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_current)
            emit targetActivated(*m_current);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    if (next)
        setCurrent(next);
}

bool ShelfView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto hit = m_layout.targetAt(help->pos() + QPoint(0, verticalScrollBar()->value()));
        if (hit)
            QToolTip::showText(help->globalPos(), toolTipFor(*hit), viewport());
        else
            QToolTip::showText(help->globalPos(), toolTip(), viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString ShelfView::toolTipFor(discovery::TargetId id) const
{
    const auto *row = m_targets->find(id);
    if (!row)
        return {};
    const auto &t = row->info;
    QStringList lines;
    lines << QStringLiteral("<b>%1</b> — %2").arg(QString::fromStdString(t.id.deviceName()), lookName(row->look()));
    if (t.identified)
        lines << tr("Size: %1").arg(format::binarySize(t.sizeBytes()));
    if (!t.model.empty())
        lines << tr("Model: %1").arg(QString::fromStdString(t.model).toHtmlEscaped());
    if (!t.serial.empty())
        lines << tr("Serial: %1").arg(QString::fromStdString(t.serial).toHtmlEscaped());
    for (const auto &p : t.paths) {
        lines << tr("Path: %1 → %2 (RTT %3)")
                     .arg(QString::fromStdString(p.interfaceName), QString::fromStdString(p.mac.toString()),
                         format::roundTrip(p.rtt));
    }
    if (t.conflict)
        lines << tr("Conflict: %1").arg(QString::fromStdString(t.conflictDetail).toHtmlEscaped());
    if (const auto *device = m_targets->kernelDevice(id))
        lines << tr("On this machine: %1").arg(TargetModel::onMachineText(*device).toHtmlEscaped());
    return lines.join(QStringLiteral("<br>"));
}

} // namespace aoesan::ui
