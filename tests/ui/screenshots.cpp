// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every page of the workbench on a workspace to PNG files, for reviewing the GUI
// and for the documentation: screenshots WORKSPACE OUTDIR (run under xvfb-run or with
// QT_QPA_PLATFORM=offscreen). Not a test.

#include "mainwindow.h"
#include "planpage.h"
#include "triagepage.h"
#include "whatifpanel.h"
#include "workbench.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QPalette>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Patchwise"));
    QApplication::setOrganizationName(QStringLiteral("Patchwise"));
    if (argc < 3) {
        fprintf(stderr, "usage: screenshots WORKSPACE OUTDIR [--dark]\n");
        return 2;
    }
    if (argc > 3 && QByteArray(argv[3]) == "--dark") {
        // A dark desktop palette, to check that every page stays readable.
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
        p.setColor(QPalette::Midlight, QColor(0x44, 0x44, 0x44));
        p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
        p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        QApplication::setPalette(p);
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    QDir().mkpath(out);
    patchwise::ui::MainWindow window(nullptr, false);
    window.resize(1400, 860);
    window.show();
    QSignalSpy loaded(window.workbench(), &patchwise::ui::Workbench::loaded);
    window.openWorkspace(QFileInfo(QString::fromLocal8Bit(argv[1])).absoluteFilePath());
    if (!loaded.wait(60000))
        return 1;
    const auto settle = [] {
        QEventLoop loop;
        QTimer::singleShot(400, &loop, &QEventLoop::quit);
        loop.exec();
    };
    auto *pages = window.findChild<QTabWidget *>(QStringLiteral("pages"));
    window.triagePage()->view()->selectRow(0);
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        settle();
        if (pages->currentWidget() == window.planPage()) {
            // Tick the first three actions and show what they would change.
            QSignalSpy simulated(window.planPage(), &patchwise::ui::PlanPage::simulationReady);
            window.planPage()->tick({1, 2, 3});
            simulated.wait(10000);
            settle();
        }
        window.grab().save(QStringLiteral("%1/page%2.png").arg(out).arg(i));
    }
    // The what-if panel with an edit applied.
    pages->setCurrentIndex(0);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("whatIfDock"));
    dock->show();
    QSignalSpy rescored(window.workbench(), &patchwise::ui::Workbench::rescored);
    window.whatIfPanel()->weightBox(patchwise::risk::Factor::KnownExploited)->setValue(3.0);
    window.whatIfPanel()->weightBox(patchwise::risk::Factor::Severity)->setValue(2.0);
    rescored.wait(10000);
    settle();
    window.grab().save(QStringLiteral("%1/whatif.png").arg(out));
    return 0;
}
