// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

namespace patchwise::ui {

// The workbench window. It only assembles pages, menus and the status bar; every page is
// its own class (ARCHITECTURE.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void createMenus();
    void showAbout();
};

} // namespace patchwise::ui
