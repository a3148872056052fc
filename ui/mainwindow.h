// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QTabWidget;

namespace patchwise::ui {

class CvssCalculatorPage;

// The workbench window. It only assembles pages, menus and the status bar; every page is
// its own class (ARCHITECTURE.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void showAbout();

    QTabWidget *m_pages = nullptr;
    CvssCalculatorPage *m_calculator = nullptr;
};

} // namespace patchwise::ui
