// SPDX-License-Identifier: GPL-3.0-or-later
// The details of one target under the table (UI.md): exact size in bytes and binary units, sectors,
// LBA48, every path with its round trip, firmware, buffers, config string, conflict details and the
// boot URI with a Copy button.
#pragma once

#include <QWidget>

#include <optional>

#include "discovery/TargetInfo.h"
#include "kernel/KernelDevice.h"

class QLabel;
class QPushButton;

namespace aoesan::ui {

class TargetActions;
class ExportModel;
class TargetModel;

class TargetDetails : public QWidget
{
    Q_OBJECT

public:
    explicit TargetDetails(TargetModel *targets, QWidget *parent = nullptr);

    void showTarget(std::optional<discovery::TargetId> id);
    // This machine's exports: a target served here says who may use it ("restricted to N hosts").
    void setExports(const ExportModel *exports);
    std::optional<discovery::TargetId> shown() const { return m_id; }
    QString text() const; // plain text of what is shown, for tests
    // Shows the buttons of the target actions (identify, config, mask, reservations, copy iPXE line).
    void setActions(TargetActions *actions);
    // Tall enough for every line at the current width: the splitter above gives the table less instead.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

    // The conflict rows: every backend with its size, and which one the shown size is (rich text lines).
    static QStringList conflictLines(const discovery::TargetInfo &target);
    // The kernel's view of an attached target: node, state in words, partitions with their filesystems and
    // mount points, who uses it (rich text lines).
    static QStringList kernelLines(const kernel::KernelDevice &device);

private:
    void refresh();
    // One Open button per filesystem of the attached disk (a partition with a filesystem type; the disk
    // itself when it has no partitions): udisks2 mounts it and the file manager opens it.
    void updateOpenButtons(const kernel::KernelDevice *device);
    void copyBootUri();

    TargetModel *m_targets;
    const ExportModel *m_exports = nullptr;
    std::optional<discovery::TargetId> m_id;
    QLabel *m_body;
    QPushButton *m_copy;
    QWidget *m_openBar;
    QStringList m_openNodes; // what m_openBar's buttons open
    QWidget *m_actionBar = nullptr; // the target actions' buttons, once setActions() gave them
    TargetActions *m_actions = nullptr;
};

} // namespace aoesan::ui
