#include "MainWindow.h"

#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include "net/NetworkInterfaces.h"

namespace aoesan::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("aoesan — AoE SAN Manager"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *intro = new QLabel(tr("Ethernet interfaces on which aoesan can look for AoE targets:"), central);
    layout->addWidget(intro);
    m_interfaces = new QTableWidget(central);
    m_interfaces->setColumnCount(4);
    m_interfaces->setHorizontalHeaderLabels({tr("Interface"), tr("MAC"), tr("MTU"), tr("Link")});
    m_interfaces->horizontalHeader()->setStretchLastSection(true);
    m_interfaces->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_interfaces->verticalHeader()->hide();
    layout->addWidget(m_interfaces);
    setCentralWidget(central);
    resize(720, 420);
    showInterfaces();
}

void MainWindow::showInterfaces()
{
    const auto listed = net::listInterfaces();
    if (!listed) {
        statusBar()->showMessage(QString::fromStdString(listed.error()));
        return;
    }
    const auto &interfaces = listed.value();
    m_interfaces->setRowCount(static_cast<int>(interfaces.size()));
    int row = 0;
    for (const auto &info : interfaces) {
        const QString link = info.up ? (info.carrier ? tr("up") : tr("up, no carrier")) : tr("down");
        m_interfaces->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(info.name)));
        m_interfaces->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(info.mac.toString())));
        m_interfaces->setItem(row, 2, new QTableWidgetItem(QString::number(info.mtu)));
        m_interfaces->setItem(row, 3, new QTableWidgetItem(link));
        ++row;
    }
    statusBar()->showMessage(tr("%n Ethernet interface(s)", nullptr, row));
}

} // namespace aoesan::ui
