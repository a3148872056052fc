// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace patchwise::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Patchwise"));
    setObjectName(QStringLiteral("MainWindow"));

    auto *welcome = new QLabel(this);
    welcome->setObjectName(QStringLiteral("welcomeLabel"));
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setTextFormat(Qt::RichText);
    welcome->setWordWrap(true);
    welcome->setText(tr("<h2>Patchwise</h2>"
                        "<p>Container-vulnerability triage workbench.</p>"
                        "<p>Workspaces, scanner import and the triage table arrive in the "
                        "next releases.<br/>Score CVSS vectors today with "
                        "<code>patchwise-cli cvss</code>.</p>"));
    setCentralWidget(welcome);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 700);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Patchwise"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About Patchwise"),
                       tr("<b>Patchwise %1</b><br/>Which of the vulnerabilities in the images "
                          "you run do you fix first, and how?")
                           .arg(QApplication::applicationVersion()));
}

} // namespace patchwise::ui
