// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizard/SourcePage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

#include <utility>

#include "boot/BootGeometry.h"
#include "format/Format.h"
#include "models/BlockDeviceModel.h"
#include "models/Roles.h"
#include "shell/Background.h"
#include "wizard/ExportDraft.h"
#include "wizard/ImageCreator.h"

namespace aoesan::ui {

using Use = BlockDeviceModel::Use;

SourcePage::SourcePage(ExportDraft &draft, const WizardContext &context, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_context(context)
    , m_devices(new BlockDeviceModel(this))
    , m_sortedDevices(new QSortFilterProxyModel(this))
    , m_creator(new ImageCreator(this))
    , m_kinds(new QButtonGroup(this))
    , m_deviceChoice(new QRadioButton(tr("A &disk or partition"), this))
    , m_fileChoice(new QRadioButton(tr("An existing &image file"), this))
    , m_newChoice(new QRadioButton(tr("A ne&w image file"), this))
    , m_deviceTable(new QTableView(this))
    , m_scanState(new QLabel(this))
    , m_filePath(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_newPath(new QLineEdit(this))
    , m_newSize(new QDoubleSpinBox(this))
    , m_newUnit(new QComboBox(this))
    , m_sparse(new QCheckBox(tr("&Sparse (disk space is used only as data is written)"), this))
    , m_wholeCylinders(new QCheckBox(tr("Whole c&ylinders (network boot with iPXE and Windows initiators)"), this))
    , m_create(new QPushButton(tr("&Create image"), this))
    , m_progress(new QProgressBar(this))
    , m_verdict(new QLabel(this))
{
    setTitle(tr("What to export"));
    setSubTitle(tr("Choose a disk, a partition or an image file. Initiators will see it as one AoE disk."));
    m_deviceChoice->setObjectName(QStringLiteral("sourceDevice"));
    m_fileChoice->setObjectName(QStringLiteral("sourceFile"));
    m_newChoice->setObjectName(QStringLiteral("sourceNewImage"));
    m_deviceTable->setObjectName(QStringLiteral("devicesTable"));
    m_filePath->setObjectName(QStringLiteral("filePath"));
    m_newPath->setObjectName(QStringLiteral("newImagePath"));
    m_newSize->setObjectName(QStringLiteral("newImageSize"));
    m_newUnit->setObjectName(QStringLiteral("newImageUnit"));
    m_create->setObjectName(QStringLiteral("createImage"));
    m_sparse->setObjectName(QStringLiteral("sparse"));
    m_wholeCylinders->setObjectName(QStringLiteral("wholeCylinders"));
    m_wholeCylinders->setToolTip(tr("Rounds the size up to a multiple of 8,225,280 bytes (255 heads × 63 sectors)"));
    m_progress->setObjectName(QStringLiteral("createProgress"));
    m_verdict->setObjectName(QStringLiteral("sourceVerdict"));
    m_kinds->addButton(m_deviceChoice, static_cast<int>(Kind::Device));
    m_kinds->addButton(m_fileChoice, static_cast<int>(Kind::ImageFile));
    m_kinds->addButton(m_newChoice, static_cast<int>(Kind::NewImage));

    m_sortedDevices->setSourceModel(m_devices);
    m_sortedDevices->setSortRole(SortRole);
    m_deviceTable->setModel(m_sortedDevices);
    m_deviceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deviceTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_deviceTable->verticalHeader()->hide();
    m_deviceTable->horizontalHeader()->setStretchLastSection(true);
    // One line per device: a wrapped verdict would be cut off at the row's height.
    m_deviceTable->setWordWrap(false);
    m_deviceTable->setToolTip(tr("Disks and partitions of this machine; greyed ones cannot be exported"));
    m_deviceTable->setMinimumHeight(120);

    m_filePath->setPlaceholderText(tr("/srv/aoe/disk.img"));
    m_filePath->setToolTip(tr("The image file (or device path) to export"));
    m_browse->setToolTip(tr("Choose an existing image file"));
    m_newPath->setToolTip(tr("Where to create the new image file"));
    m_newSize->setRange(1, 1024 * 1024);
    m_newSize->setDecimals(1);
    m_newSize->setValue(1);
    m_newSize->setToolTip(tr("Size of the new image"));
    m_newUnit->addItem(tr("MiB"), 1ULL << 20);
    m_newUnit->addItem(tr("GiB"), 1ULL << 30);
    m_newUnit->addItem(tr("TiB"), 1ULL << 40);
    m_newUnit->setCurrentIndex(1);
    m_sparse->setChecked(true);
    m_sparse->setToolTip(tr("Without this, the whole size is written with zeros now, which takes a while"));
    m_create->setToolTip(tr("Create the image file now (Alt+C)"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_progress->hide();
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_filePath, 1);
    fileRow->addWidget(m_browse);
    auto *newRow = new QGridLayout;
    newRow->addWidget(m_newPath, 0, 0, 1, 4);
    newRow->addWidget(m_newSize, 1, 0);
    newRow->addWidget(m_newUnit, 1, 1);
    newRow->addWidget(m_create, 1, 3);
    newRow->addWidget(m_sparse, 2, 0, 1, 4);
    newRow->addWidget(m_wholeCylinders, 3, 0, 1, 4);
    newRow->addWidget(m_progress, 4, 0, 1, 4);
    newRow->setColumnStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_deviceChoice);
    layout->addWidget(m_scanState);
    layout->addWidget(m_deviceTable, 1);
    layout->addWidget(m_fileChoice);
    layout->addLayout(fileRow);
    layout->addWidget(m_newChoice);
    layout->addLayout(newRow);
    layout->addWidget(m_verdict);

    connect(m_kinds, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            onKindChanged();
    });
    connect(m_deviceTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SourcePage::updateVerdict);
    connect(m_filePath, &QLineEdit::textChanged, this, &SourcePage::updateVerdict);
    connect(m_newPath, &QLineEdit::textChanged, this, &SourcePage::updateVerdict);
    connect(m_newSize, &QDoubleSpinBox::valueChanged, this, &SourcePage::updateVerdict);
    connect(m_newUnit, &QComboBox::currentIndexChanged, this, &SourcePage::updateVerdict);
    connect(m_wholeCylinders, &QCheckBox::toggled, this, &SourcePage::updateVerdict);
    connect(m_browse, &QPushButton::clicked, this, &SourcePage::browse);
    connect(m_create, &QPushButton::clicked, this, [this] { createImage(); });
    connect(m_creator, &ImageCreator::progress, m_progress, &QProgressBar::setValue);
    connect(m_creator, &ImageCreator::finished, this, &SourcePage::onCreated);
    m_newChoice->setChecked(true);
}

void SourcePage::initializePage()
{
    if (m_newPath->text().isEmpty())
        m_newPath->setText(uniqueImagePath());
    if (!m_scanned)
        scan();
    onKindChanged();
}

void SourcePage::scan()
{
    m_scanned = true;
    if (!m_context.scanDevices) {
        m_scanState->setText(tr("Disks cannot be listed here."));
        return;
    }
    m_scanState->setText(tr("Looking for disks and partitions…"));
    runInBackground(this, m_context.scanDevices, [this](Result<std::vector<platform::BlockDevice>, QString> found) {
        if (!found) {
            m_scanState->setText(tr("The disks could not be listed: %1").arg(found.error()));
            return;
        }
        m_devices->setDevices(found.value());
        m_scanState->setText(tr("%n disk(s) and partition(s).", nullptr, m_devices->rowCount()));
        fitDeviceColumns();
        updateVerdict();
    });
}

void SourcePage::fitDeviceColumns()
{
    // Every column as wide as its texts; when that is wider than the table, the model gives way (down to a
    // third; its tooltip shows it whole): the verdict, last, is what the person must read.
    auto *header = m_deviceTable->horizontalHeader();
    header->setStretchLastSection(false); // so that the verdict's own width can be read
    m_deviceTable->resizeColumnsToContents();
    const int excess = header->length() - m_deviceTable->viewport()->width();
    if (excess > 0) {
        const int model = header->sectionSize(BlockDeviceModel::Model);
        header->resizeSection(BlockDeviceModel::Model, std::max(model / 3, model - excess));
    }
    header->setStretchLastSection(true);
}

SourcePage::Kind SourcePage::kind() const
{
    return static_cast<Kind>(m_kinds->checkedId());
}

void SourcePage::onKindChanged()
{
    const Kind k = kind();
    m_deviceTable->setEnabled(k == Kind::Device);
    m_filePath->setEnabled(k == Kind::ImageFile);
    m_browse->setEnabled(k == Kind::ImageFile);
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_newPath, m_newSize, m_newUnit, m_sparse, m_wholeCylinders, m_create})
        w->setEnabled(k == Kind::NewImage && !m_creator->isRunning());
    updateVerdict();
}

int SourcePage::selectedDeviceRow() const
{
    const QModelIndex current = m_deviceTable->selectionModel()->currentIndex();
    return current.isValid() ? m_sortedDevices->mapToSource(current).row() : -1;
}

std::uint64_t SourcePage::newImageBytes() const
{
    const auto unit = m_newUnit->currentData().toULongLong();
    const auto bytes = static_cast<std::uint64_t>(m_newSize->value() * static_cast<double>(unit)) / 512U * 512U;
    return m_wholeCylinders->isChecked() ? boot::roundUpToCylinders(bytes) : bytes;
}

QString SourcePage::uniqueImagePath() const
{
    const QString dir = m_context.imageDirectory.isEmpty() ? QDir::homePath() : m_context.imageDirectory;
    QString path = dir + QStringLiteral("/aoesan-disk.img");
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir + QStringLiteral("/aoesan-disk-%1.img").arg(n);
    return path;
}

void SourcePage::updateVerdict()
{
    QString text;
    QString colour = QStringLiteral("#202020");
    switch (kind()) {
    case Kind::Device: {
        const int row = selectedDeviceRow();
        if (row < 0) {
            text = tr("Select a disk or partition.");
            break;
        }
        const auto &r = m_devices->rowAt(row);
        if (r.use == Use::Free) {
            text = tr("%1: %2, can be exported.").arg(r.device.path, format::binarySize(r.device.sizeBytes));
        } else if (r.use == Use::ReadOnlyOnly) {
            text = tr("%1 can only be exported read-only: %2").arg(r.device.path, r.readWrite.explain());
            colour = QStringLiteral("#9a6700");
        } else {
            text = tr("%1 cannot be exported: %2").arg(r.device.path, r.readWrite.explain());
            colour = QStringLiteral("#b02020");
        }
        break;
    }
    case Kind::ImageFile: {
        const QFileInfo info(m_filePath->text());
        if (m_filePath->text().isEmpty())
            text = tr("Type or browse for an image file.");
        else if (!info.exists()) {
            text = tr("%1 does not exist.").arg(m_filePath->text());
            colour = QStringLiteral("#b02020");
        } else if (info.isDir()) {
            text = tr("%1 is a directory.").arg(m_filePath->text());
            colour = QStringLiteral("#b02020");
        } else
            text = tr("%1: %2.").arg(info.fileName(), format::binarySize(static_cast<std::uint64_t>(info.size())));
        break;
    }
    case Kind::NewImage:
        if (m_creator->isRunning())
            text = tr("Creating the image…");
        else if (!m_createdPath.isEmpty() && m_createdPath == m_newPath->text())
            text = tr("%1 is ready.").arg(m_createdPath);
        else if (QFileInfo::exists(m_newPath->text())) {
            text = tr("%1 already exists; choose another name.").arg(m_newPath->text());
            colour = QStringLiteral("#b02020");
        } else
            text = tr("A %1 image will be created when you press Next.").arg(format::binarySize(newImageBytes()));
        break;
    }
    if (const auto size = verdictSize(); size && colour != QLatin1String("#b02020")) {
        // Network boot: iPXE needs at least one cylinder, the Windows initiators whole cylinders.
        if (!boot::bootableByIpxe(*size)) {
            text += QLatin1Char(' ')
                + tr("Too small to boot with iPXE: under 8,225,280 bytes (one cylinder of 255 heads × 63 sectors).");
            colour = QStringLiteral("#9a6700");
        } else if (kind() == Kind::NewImage && !boot::wholeCylinders(*size)) {
            // Only where it can be helped: a new image (Whole cylinders); a disk's size is what it is.
            text += QLatin1Char(' ')
                + tr("Not whole cylinders: Windows AoE initiators need a multiple of 8,225,280 bytes (%1 or %2).")
                      .arg(format::binarySize(boot::roundDownToCylinders(*size)),
                          format::binarySize(boot::roundUpToCylinders(*size)));
        }
    }
    m_verdict->setStyleSheet(QStringLiteral("color:%1").arg(colour));
    m_verdict->setText(text);
    emit completeChanged();
}

std::optional<std::uint64_t> SourcePage::verdictSize() const
{
    switch (kind()) {
    case Kind::Device: {
        const int row = selectedDeviceRow();
        if (row >= 0 && m_devices->rowAt(row).use != Use::Refused)
            return m_devices->rowAt(row).device.sizeBytes;
        return std::nullopt;
    }
    case Kind::ImageFile: {
        const QFileInfo info(m_filePath->text());
        if (m_filePath->text().isEmpty() || !info.isFile())
            return std::nullopt;
        return static_cast<std::uint64_t>(info.size());
    }
    case Kind::NewImage:
        return m_creator->isRunning() ? std::nullopt : std::optional<std::uint64_t>(newImageBytes());
    }
    return std::nullopt;
}

bool SourcePage::isComplete() const
{
    switch (kind()) {
    case Kind::Device: {
        const int row = selectedDeviceRow();
        return row >= 0 && m_devices->rowAt(row).use != Use::Refused;
    }
    case Kind::ImageFile: {
        const QFileInfo info(m_filePath->text());
        return info.exists() && !info.isDir();
    }
    case Kind::NewImage: {
        // Next creates the image when it is not there yet: filling in the size is enough.
        const QString path = m_newPath->text().trimmed();
        if (m_creator->isRunning() || path.isEmpty() || newImageBytes() == 0)
            return false;
        return path == m_createdPath || !QFileInfo::exists(path);
    }
    }
    return false;
}

bool SourcePage::validatePage()
{
    m_draft.readOnlyRequired = false;
    m_draft.sourceWarning.clear();
    m_draft.isDevice = false;
    switch (kind()) {
    case Kind::Device: {
        const auto &r = m_devices->rowAt(selectedDeviceRow());
        m_draft.path = r.device.path;
        m_draft.sizeBytes = r.device.sizeBytes;
        m_draft.isDevice = true;
        m_draft.readOnlyRequired = r.use == Use::ReadOnlyOnly;
        m_draft.sourceWarning = r.use == Use::ReadOnlyOnly ? r.readOnly.explain() : r.readWrite.explain();
        break;
    }
    case Kind::ImageFile: {
        const QFileInfo info(m_filePath->text());
        m_draft.path = info.absoluteFilePath();
        m_draft.sizeBytes = static_cast<std::uint64_t>(info.size());
        break;
    }
    case Kind::NewImage:
        if (m_createdPath.isEmpty() || m_createdPath != m_newPath->text().trimmed()) {
            // Create it now, with progress; the page moves on by itself once the file is there.
            m_advanceWhenCreated = createImage();
            return false;
        }
        m_draft.path = m_createdPath;
        m_draft.sizeBytes = static_cast<std::uint64_t>(QFileInfo(m_createdPath).size());
        break;
    }
    m_draft.record.path = m_draft.path;
    if (m_draft.readOnlyRequired)
        m_draft.record.readOnly = true;
    return true;
}

void SourcePage::browse()
{
    auto *dialog = new QFileDialog(this, tr("Choose an image file"), QFileInfo(m_filePath->text()).absolutePath());
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_filePath, &QLineEdit::setText);
    dialog->open();
}

bool SourcePage::createImage()
{
    const QString path = m_newPath->text().trimmed();
    if (path.isEmpty())
        return false;
    m_progress->setValue(0);
    m_progress->show();
    if (!m_creator->start(path, newImageBytes(), m_sparse->isChecked()))
        return false;
    onKindChanged();
    return true;
}

void SourcePage::onCreated(const QString &path, const QString &error)
{
    const bool advance = std::exchange(m_advanceWhenCreated, false);
    m_progress->setVisible(error.isEmpty());
    if (error.isEmpty())
        m_createdPath = path;
    onKindChanged();
    if (!error.isEmpty()) {
        m_verdict->setStyleSheet(QStringLiteral("color:#b02020"));
        m_verdict->setText(tr("The image could not be created: %1").arg(error));
        return;
    }
    if (advance && wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

} // namespace aoesan::ui
