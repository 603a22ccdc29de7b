// The main window: the Targets view and its neighbours (see UI.md). For now it shows the
// interfaces aoesan could probe, so a first start already says something true about the machine.
#pragma once

#include <QMainWindow>

class QTableWidget;

namespace aoesan::ui {

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void showInterfaces();

    QTableWidget *m_interfaces = nullptr;
};

} // namespace aoesan::ui
