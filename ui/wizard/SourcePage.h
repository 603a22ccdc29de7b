// SPDX-License-Identifier: GPL-3.0-or-later
// Wizard page 1, "What to export": a disk or partition from the device scan (with size, model,
// filesystem, label, mount point and a verdict), an existing image file, or a new image file of a
// chosen size, created off the GUI thread with a progress bar (by Create image, or by Next).
#pragma once

#include <QWizardPage>

#include <cstdint>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSortFilterProxyModel;
class QTableView;

namespace aoesan::ui {

struct ExportDraft;
struct WizardContext;
class BlockDeviceModel;
class ImageCreator;

class SourcePage : public QWizardPage
{
    Q_OBJECT

public:
    enum class Kind { Device, ImageFile, NewImage };

    SourcePage(ExportDraft &draft, const WizardContext &context, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    Kind kind() const;
    BlockDeviceModel *devices() const { return m_devices; }

private:
    void scan();
    void fitDeviceColumns();
    void onKindChanged();
    void updateVerdict();
    void browse();
    // Starts creating the new image file; false when nothing was started.
    bool createImage();
    void onCreated(const QString &path, const QString &error);
    std::uint64_t newImageBytes() const;
    std::optional<std::uint64_t> verdictSize() const; // the chosen source's size, for the network-boot note
    QString uniqueImagePath() const;
    int selectedDeviceRow() const;

    ExportDraft &m_draft;
    const WizardContext &m_context;
    BlockDeviceModel *m_devices;
    QSortFilterProxyModel *m_sortedDevices;
    ImageCreator *m_creator;
    QButtonGroup *m_kinds;
    QRadioButton *m_deviceChoice;
    QRadioButton *m_fileChoice;
    QRadioButton *m_newChoice;
    QTableView *m_deviceTable;
    QLabel *m_scanState;
    QLineEdit *m_filePath;
    QPushButton *m_browse;
    QLineEdit *m_newPath;
    QDoubleSpinBox *m_newSize;
    QComboBox *m_newUnit;
    QCheckBox *m_sparse;
    QCheckBox *m_wholeCylinders;
    QPushButton *m_create;
    QProgressBar *m_progress;
    QLabel *m_verdict;
    QString m_createdPath; // the new image file made on this page
    bool m_scanned = false;
    bool m_advanceWhenCreated = false; // Next started the creation: go on when it is done
};

} // namespace aoesan::ui
