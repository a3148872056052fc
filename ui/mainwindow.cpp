// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "cvsscalculatorpage.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace patchwise::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Patchwise"));
    setObjectName(QStringLiteral("MainWindow"));

    auto *welcome = new QLabel;
    welcome->setObjectName(QStringLiteral("welcomeLabel"));
    welcome->setAlignment(Qt::AlignCenter);
    welcome->setTextFormat(Qt::RichText);
    welcome->setWordWrap(true);
    welcome->setText(tr("<h2>Patchwise</h2>"
                        "<p>Container-vulnerability triage workbench.</p>"
                        "<p>Workspaces, scanner import and the triage table arrive in the "
                        "next releases.<br/>Score and explore CVSS vectors today on the "
                        "<i>CVSS calculator</i> page, or headless with "
                        "<code>patchwise-cli cvss</code>.</p>"));

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(welcome, tr("Overview"));
    m_calculator = new CvssCalculatorPage(m_pages);
    m_calculator->setObjectName(QStringLiteral("cvssCalculatorPage"));
    m_pages->addTab(m_calculator, tr("CVSS calculator"));
    setCentralWidget(m_pages);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    resize(1100, 700);

    // Come back where the analyst left: window geometry and the page last shown.
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    m_pages->setCurrentIndex(settings.value(QStringLiteral("mainWindow/page"), 0).toInt());
    const QString lastVector = settings.value(QStringLiteral("cvssCalculator/vector")).toString();
    if (!lastVector.isEmpty())
        m_calculator->setVectorText(lastVector);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/page"), m_pages->currentIndex());
    settings.setValue(QStringLiteral("cvssCalculator/vector"), m_calculator->vectorText());
    QMainWindow::closeEvent(event);
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
