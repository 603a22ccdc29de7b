// SPDX-License-Identifier: GPL-3.0-or-later
#include "exports/OldExportList.h"

#include <QFile>
#include <QMessageBox>
#include <QPushButton>

#include <memory>

#include "exports/ExportController.h"
#include "log/Logging.h"
#include "supervisor/ExportStore.h"

namespace aoesan::ui {

std::vector<supervisor::ExportRecord> OldExportList::pending(const QString &path, const ExportController &exports)
{
    if (!QFile::exists(path))
        return {};
    supervisor::ExportStore store(path);
    if (!store.load())
        return {};
    std::vector<supervisor::ExportRecord> out;
    const auto have = exports.records();
    for (const auto &r : store.records()) {
        const bool known = std::any_of(have.begin(), have.end(), [&](const auto &h) { return h.name == r.name; });
        if (!known)
            out.push_back(r);
    }
    return out;
}

void OldExportList::offer(
    const QString &path, ExportController &exports, QWidget *parent, std::function<void()> offered)
{
    const auto records = pending(path, exports);
    if (records.empty())
        return;
    QStringList names;
    for (const auto &r : records)
        names << QStringLiteral("%1 (%2)").arg(r.name, r.address());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Move your exports"),
        tr("Your own export list has %n export(s) that this system's aoesan service does not serve. Move them "
           "into the service? It keeps them running when aoesan is closed.",
            nullptr, static_cast<int>(records.size())),
        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("moveOldExports"));
    box->setInformativeText(names.join(QLatin1Char('\n')));
    auto *move = box->addButton(tr("&Move them"), QMessageBox::AcceptRole);
    box->addButton(tr("&Keep them where they are"), QMessageBox::RejectRole);
    box->setDefaultButton(move);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, &exports, [box, move, records, path, &exports, offered] {
        offered();
        if (box->clickedButton() != move)
            return;
        auto left = std::make_shared<int>(static_cast<int>(records.size()));
        auto failed = std::make_shared<bool>(false);
        for (const auto &r : records) {
            exports.add(r, r.autostart, [left, failed, path](const std::optional<Problem> &problem) {
                if (problem) {
                    *failed = true;
                    log::logger("ui")->error("moving an export into the service: {}", problem->message.toStdString());
                }
                if (--*left == 0 && !*failed) {
                    // Nothing serves the old list twice: it stays beside, renamed.
                    QFile::remove(path + QStringLiteral(".moved"));
                    QFile::rename(path, path + QStringLiteral(".moved"));
                    log::logger("ui")->info(
                        "the old export list was moved into the service ({}.moved kept)", path.toStdString());
                }
            });
        }
    });
    box->open();
}

} // namespace aoesan::ui
