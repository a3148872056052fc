// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importcontroller.h"

#include <QMainWindow>

class QLabel;
class QDockWidget;
class QMenu;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace patchwise::ui {

class CvssCalculatorPage;
class ExportController;
class ImagesPage;
class MatrixPage;
class PlanPage;
class WhatIfPanel;
class TriagePage;
class Workbench;

// The workbench window. It only assembles pages, menus, the status bar and the import and
// workspace plumbing; every page is its own class (ARCHITECTURE.md).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `openLast`: reopen the last workspace (or the demo on first run). Tests pass false and
    // open what they need with openWorkspace().
    explicit MainWindow(QWidget *parent = nullptr, bool openLast = true);
    ~MainWindow() override;

    Workbench *workbench() const { return m_workbench; }
    TriagePage *triagePage() const { return m_triage; }
    MatrixPage *matrixPage() const { return m_matrix; }
    PlanPage *planPage() const { return m_plan; }
    ImagesPage *imagesPage() const { return m_imagesPage; }
    WhatIfPanel *whatIfPanel() const { return m_whatIf; }
    ImportController *importer() const { return m_importer; }
    ExportController *exporter() const { return m_exporter; }

    void openWorkspace(const QString &path);
    void importPaths(const QStringList &paths);
    // Builds the demo workspace from the bundled inputs (first time) and opens it.
    void openDemo();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void showAbout();
    void newWorkspace();
    void chooseWorkspace();
    void chooseImport(bool folders);
    void rememberRecent(const QString &path);
    void fillRecentMenu();
    void updateStatus();
    void importFinished(const ImportController::Outcome &outcome);
    void showImportErrors(const ImportController::Outcome &outcome);

    Workbench *m_workbench;
    ImportController *m_importer;
    ExportController *m_exporter = nullptr;
    QTabWidget *m_pages = nullptr;
    TriagePage *m_triage = nullptr;
    ImagesPage *m_imagesPage = nullptr;
    MatrixPage *m_matrix = nullptr;
    PlanPage *m_plan = nullptr;
    WhatIfPanel *m_whatIf = nullptr;
    QDockWidget *m_whatIfDock = nullptr;
    CvssCalculatorPage *m_calculator = nullptr;
    QMenu *m_recent = nullptr;
    QLabel *m_workspaceLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QWidget *m_errorPanel = nullptr;
    QLabel *m_errorText = nullptr;
    QString m_pendingDemo; // the demo workspace being built
};

} // namespace patchwise::ui
