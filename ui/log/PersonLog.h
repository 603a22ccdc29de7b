// SPDX-License-Identifier: GPL-3.0-or-later
// The log dock's lines written for a person, in their language: what discovery and the exports did
// (a target went down or came back, an export runs or failed, discovery started, exports added or
// removed). spdlog keeps its own English lines of the same events for the log file and bug reports.
#pragma once

#include <QObject>

namespace aoesan::ui {

class DiscoveryController;
class ExportController;
class LogModel;

class PersonLog : public QObject
{
    Q_OBJECT

public:
    PersonLog(LogModel &log, DiscoveryController &discovery, ExportController &exports, QObject *parent = nullptr);

private:
    LogModel &m_log;
};

} // namespace aoesan::ui
