// SPDX-License-Identifier: GPL-3.0-or-later
// Renders every page of the workbench on a workspace to PNG files, for reviewing the GUI
// and for the documentation: screenshots WORKSPACE OUTDIR (run under xvfb-run or with
// QT_QPA_PLATFORM=offscreen). Not a test.

#include "decidedialog.h"
#include "decisionsmodel.h"
#include "decisionspage.h"
#include "exportcontroller.h"
#include "mainwindow.h"
#include "planpage.h"
#include "triagemodel.h"
#include "triagepage.h"
#include "veximportdialog.h"
#include "whatifpanel.h"
#include "workbench.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPalette>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Patchwise"));
    QApplication::setOrganizationName(QStringLiteral("Patchwise"));
    if (argc < 3) {
        fprintf(stderr, "usage: screenshots WORKSPACE OUTDIR [--dark] [--vex FILE]\n");
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
        for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
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

    // The File and View menus open over the window. A popup is a window of its own, so it is
    // drawn onto the window's picture where it sits.
    for (int m = 0; m < 2; ++m) {
        QAction *menuAction = window.menuBar()->actions().value(m);
        window.menuBar()->setActiveAction(menuAction);
        settle();
        QMenu *menu = menuAction->menu();
        menu->setActiveAction(menu->actions().value(1)); // one entry hovered
        settle();
        QPixmap shot = window.grab();
        {
            QPainter painter(&shot);
            painter.drawPixmap(menu->mapToGlobal(QPoint()) - window.mapToGlobal(QPoint()),
                               menu->grab());
        }
        shot.save(QStringLiteral("%1/menu%2.png").arg(out).arg(m));
        menu->hide();
        settle();
    }

    // The import-error banner, and the what-if panel scrolled to its buttons.
    if (auto *banner = window.findChild<QWidget *>(QStringLiteral("importErrors"))) {
        window.findChild<QLabel *>(QStringLiteral("importErrorText"))
            ->setText(QStringLiteral("<b>1 file could not be imported</b> (the others were):"
                                     "<ul style='margin:2px'><li>scan.json: not a scanner "
                                     "report</li></ul>"));
        banner->show();
    }
    if (auto *scroll = window.whatIfPanel()->findChild<QScrollArea *>())
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    settle();
    window.grab().save(QStringLiteral("%1/banner.png").arg(out));

    // The import progress bar with Cancel, as an import shows it.
    if (auto *progress = window.findChild<QProgressBar *>(QStringLiteral("importProgress"))) {
        progress->setRange(0, 73);
        progress->setValue(29);
        progress->setFormat(QStringLiteral("Importing %v of %m files"));
        progress->show();
        window.findChild<QWidget *>(QStringLiteral("cancelImport"))->show();
        settle();
        window.grab().save(QStringLiteral("%1/progress.png").arg(out));
        progress->hide();
        window.findChild<QWidget *>(QStringLiteral("cancelImport"))->hide();
    }

    // Edit ▸ Decide… on the first five rows of the triage table: the dialog as opened (OK
    // disabled, the hint saying why), then filled in. Cancelled: the workspace is not changed.
    pages->setCurrentWidget(window.triagePage());
    window.triagePage()->view()->clearSelection();
    for (int r = 0; r < 5 && r < window.triagePage()->model()->rowCount(); ++r)
        window.triagePage()->view()->selectionModel()->select(
            window.triagePage()->model()->index(r, 0),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    settle();
    window.decideAction()->trigger();
    settle();
    if (auto *dialog = window.findChild<patchwise::ui::DecideDialog *>()) {
        // Drawn onto the window where it sits, like the menus.
        const auto shoot = [&](const QString &name) {
            settle();
            QPixmap shot = window.grab();
            {
                QPainter painter(&shot);
                painter.drawPixmap(dialog->mapToGlobal(QPoint()) - window.mapToGlobal(QPoint()),
                                   dialog->grab());
            }
            shot.save(QStringLiteral("%1/%2.png").arg(out, name));
            dialog->grab().save(QStringLiteral("%1/%2-dialog.png").arg(out, name));
        };
        dialog->setState(patchwise::model::TriageState::NotAffected);
        shoot(QStringLiteral("decide-invalid"));
        dialog->setState(patchwise::model::TriageState::RiskAccepted);
        dialog->setScope(patchwise::model::DecisionScope::Repository);
        dialog->reasonEdit()->setText(QStringLiteral("Compensating WAF rule; vendor fix due Q1"));
        dialog->noteEdit()->setText(QStringLiteral("OPS-4321"));
        dialog->setExpiry(QDate::currentDate().addDays(90));
        shoot(QStringLiteral("decide"));
        dialog->reject();
        settle();
    }

    // The decisions page with its first decision selected (history and findings).
    pages->setCurrentWidget(window.decisionsPage());
    window.decisionsPage()->view()->selectRow(0);
    settle();
    window.grab().save(QStringLiteral("%1/decisions.png").arg(out));
    // …and one whose acceptance has expired, when the workspace has one.
    auto *decisions = window.decisionsPage()->model();
    for (int r = 0; r < decisions->rowCount(); ++r)
        if (decisions->index(r, patchwise::ui::DecisionsModel::State)
                .data()
                .toString()
                .contains(QStringLiteral("expired"))) {
            window.decisionsPage()->view()->selectRow(r);
            settle();
            window.grab().save(QStringLiteral("%1/decisions-expired.png").arg(out));
            break;
        }
    // The triage table with a decided finding selected: the Triage column and the details.
    pages->setCurrentWidget(window.triagePage());
    window.triagePage()->setShowClosed(true);
    window.triagePage()->view()->sortByColumn(patchwise::ui::TriageModel::Triage,
                                              Qt::DescendingOrder);
    settle();
    window.triagePage()->view()->selectRow(0);
    window.triagePage()->view()->scrollTo(
        window.triagePage()->model()->index(0, patchwise::ui::TriageModel::Triage));
    settle();
    window.grab().save(QStringLiteral("%1/triage-decided.png").arg(out));

    // File ▸ Export ▸ Remediation plan as PDF: the preview dialog.
    window.exporter()->exportPlanPdf();
    settle();
    if (auto *preview = window.findChild<QDialog *>(QStringLiteral("pdfPreview"))) {
        preview->resize(1000, 860);
        settle();
        preview->grab().save(QStringLiteral("%1/pdfpreview.png").arg(out));
        preview->close();
    }

    // File ▸ Import VEX: the preview of a VEX file given with --vex FILE, its first rows
    // unfolded.
    const int vexArg = QCoreApplication::arguments().indexOf(QStringLiteral("--vex"));
    if (vexArg > 0 && vexArg + 1 < QCoreApplication::arguments().size()) {
        window.importVex({QCoreApplication::arguments().at(vexArg + 1)});
        settle();
        if (auto *dialog = window.findChild<patchwise::ui::VexImportDialog *>()) {
            for (int i = 0; i < dialog->tree()->topLevelItemCount() && i < 4; ++i)
                dialog->tree()->topLevelItem(i)->setExpanded(true);
            settle();
            dialog->grab().save(QStringLiteral("%1/veximport.png").arg(out));
            dialog->reject();
        }
    }
    return 0;
}
