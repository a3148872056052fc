// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "cvsscalculatorpage.h"
#include "decisioncontroller.h"
#include "decisionspage.h"
#include "exportcontroller.h"
#include "icons.h"
#include "imagespage.h"
#include "matrixpage.h"
#include "planpage.h"
#include "risk/policy.h"
#include "store/vexmatch.h"
#include "triagepage.h"
#include "veximportdialog.h"
#include "whatifpanel.h"
#include "workbench.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace patchwise::ui {

namespace {

constexpr int kMaxRecent = 8;

} // namespace

QString MainWindow::workspacesFolder()
{
    // The user's data folder (XDG_DATA_HOME), private to the user like the workspaces in it.
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString folder = data + QStringLiteral("/workspaces");
    QDir().mkpath(folder);
    for (const QString &dir : {data, folder})
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return folder;
}

namespace {

QString demoPath()
{
    MainWindow::workspacesFolder(); // the data folder exists, owner-only
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/demo.pw");
}

// The bundled demo inputs, copied out of the resources (the importer reads files).
QString extractDemoInputs()
{
    const QString target = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/demo-inputs");
    QDir().mkpath(target);
    QDirIterator it(QStringLiteral(":/demo/data"), QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString out = target + u'/' + QFileInfo(source).fileName();
        QFile::remove(out);
        if (QFile::copy(source, out)) {
            QFile::setPermissions(out, QFile::ReadOwner | QFile::WriteOwner);
            ++copied;
        }
    }
    return copied ? target : QString();
}

} // namespace

MainWindow::MainWindow(QWidget *parent, bool openLast)
    : QMainWindow(parent)
    , m_workbench(new Workbench(this))
    , m_undo(new QUndoStack(this))
    , m_decisions(new DecisionController(m_workbench, m_undo, this))
    , m_importer(new ImportController(this))
{
    setWindowTitle(tr("Patchwise"));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);

    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_triage = new TriagePage(m_workbench);
    m_triage->setObjectName(QStringLiteral("triagePage"));
    m_pages->addTab(m_triage, themedIcon(Icon::TriagePage), tr("Triage"));
    m_decisionsPage = new DecisionsPage(m_workbench, m_decisions);
    m_decisionsPage->setObjectName(QStringLiteral("decisionsPage"));
    m_pages->addTab(m_decisionsPage, themedIcon(Icon::DecisionsPage), tr("Decisions"));
    connect(m_decisionsPage,
            &DecisionsPage::showFindings,
            this,
            [this](const std::vector<std::uint32_t> &findings, const QString &label, bool closed) {
                m_triage->restrictTo(findings, label, closed);
                m_pages->setCurrentWidget(m_triage);
            });
    m_imagesPage = new ImagesPage(m_workbench);
    m_imagesPage->setObjectName(QStringLiteral("imagesPage"));
    m_pages->addTab(m_imagesPage, themedIcon(Icon::ImagesPage), tr("Images and layers"));
    connect(m_imagesPage,
            &ImagesPage::showFindings,
            this,
            [this](const std::vector<std::uint32_t> &findings, const QString &label) {
                m_triage->restrictTo(findings, label);
                m_pages->setCurrentWidget(m_triage);
            });
    connect(m_imagesPage, &ImagesPage::statusMessage, this, [this](const QString &m) {
        statusBar()->showMessage(m, 5000);
    });
    m_matrix = new MatrixPage(m_workbench);
    m_matrix->setObjectName(QStringLiteral("matrixPage"));
    m_pages->addTab(m_matrix, themedIcon(Icon::MatrixPage), tr("Severity matrix"));
    connect(m_matrix,
            &MatrixPage::showFindings,
            this,
            [this](const std::vector<std::uint32_t> &findings, const QString &label) {
                m_triage->restrictTo(findings, label);
                m_pages->setCurrentWidget(m_triage);
            });
    m_plan = new PlanPage(m_workbench);
    m_plan->setObjectName(QStringLiteral("planPage"));
    m_pages->addTab(m_plan, themedIcon(Icon::PlanPage), tr("Plan and trends"));
    connect(m_plan,
            &PlanPage::showFindings,
            this,
            [this](const std::vector<std::uint32_t> &findings, const QString &label) {
                m_triage->restrictTo(findings, label);
                m_pages->setCurrentWidget(m_triage);
            });
    m_calculator = new CvssCalculatorPage(m_pages);
    m_calculator->setObjectName(QStringLiteral("cvssCalculatorPage"));
    m_pages->addTab(m_calculator, themedIcon(Icon::CvssPage), tr("CVSS calculator"));

    // Import errors show inline above the pages, never in a modal box.
    m_errorPanel = new QWidget;
    m_errorPanel->setObjectName(QStringLiteral("importErrors"));
    m_errorPanel->setAutoFillBackground(true);
    m_errorPanel->setStyleSheet(
        QStringLiteral("#importErrors{background:#fdecea;border-bottom:1px solid #f5c2c0}"
                       "#importErrors QLabel{color:#611a15}"));
    auto *errorLayout = new QHBoxLayout(m_errorPanel);
    m_errorText = new QLabel;
    m_errorText->setObjectName(QStringLiteral("importErrorText"));
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton;
    dismiss->setText(tr("Dismiss"));
    dismiss->setToolTip(tr("Dismiss"));
    // The banner keeps its light colours in a dark palette, so its icon does too.
    dismiss->setIcon(themedIcon(Icon::Close, QColor(0x61, 0x1a, 0x15)));
    dismiss->setAutoRaise(true);
    connect(dismiss, &QToolButton::clicked, m_errorPanel, &QWidget::hide);
    errorLayout->addWidget(m_errorText, 1);
    errorLayout->addWidget(dismiss, 0, Qt::AlignTop);
    m_errorPanel->hide();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_errorPanel);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_workspaceLabel = new QLabel;
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancel = new QToolButton;
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setIcon(themedIcon(Icon::Cancel));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setAutoRaise(true);
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, m_importer, &ImportController::cancel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_workspaceLabel);

    connect(m_importer, &ImportController::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("Importing %v of %m files"));
    });
    connect(m_importer, &ImportController::finished, this, &MainWindow::importFinished);
    connect(m_workbench, &Workbench::loadingStarted, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_workbench, &Workbench::loaded, this, [this] {
        statusBar()->clearMessage();
        updateStatus();
    });
    connect(m_workbench, &Workbench::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Cannot open the workspace: %1").arg(message));
    });
    connect(m_triage, &TriagePage::statusMessage, this, [this](const QString &m) {
        statusBar()->showMessage(m, 4000);
    });
    connect(m_decisions, &DecisionController::finished, this, [this](bool ok, const QString &m) {
        if (!m.isEmpty())
            statusBar()->showMessage(m, ok ? 6000 : 0);
    });

    // Exports run on a worker: the same progress bar and Cancel as imports.
    m_exporter = new ExportController(this, m_workbench, m_triage);
    connect(m_cancel, &QToolButton::clicked, m_exporter, &ExportController::cancel);
    connect(m_exporter,
            &ExportController::progress,
            this,
            [this](int done, int total, const QString &what) {
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_progress->setFormat(total ? what + QStringLiteral(" %p%") : what);
                m_progress->show();
                m_cancel->show();
            });
    connect(m_exporter,
            &ExportController::finished,
            this,
            [this](const QString &message, const QString &error) {
                m_progress->hide();
                m_cancel->hide();
                statusBar()->showMessage(error.isEmpty() ? message
                                                         : tr("Export failed: %1").arg(error),
                                         error.isEmpty() ? 6000 : 0);
            });

    // The what-if panel docks on the right, hidden until asked for (F9 or View).
    m_whatIf = new WhatIfPanel(m_workbench);
    m_whatIf->setObjectName(QStringLiteral("whatIfPanel"));
    connect(m_whatIf, &WhatIfPanel::statusMessage, this, [this](const QString &m) {
        statusBar()->showMessage(m, 5000);
    });
    m_whatIfDock = new QDockWidget(tr("What-if policy"), this);
    m_whatIfDock->setObjectName(QStringLiteral("whatIfDock"));
    m_whatIfDock->setWidget(m_whatIf);
    addDockWidget(Qt::RightDockWidgetArea, m_whatIfDock);
    m_whatIfDock->hide();

    createMenus();
    resize(1280, 800);

    // Come back where the analyst left: geometry, page, table layout, and the workspace.
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_pages->setCurrentIndex(settings.value(QStringLiteral("mainWindow/page"), 0).toInt());
    m_triage->restoreState(settings.value(QStringLiteral("triage/header")).toByteArray());
    const QString lastVector = settings.value(QStringLiteral("cvssCalculator/vector")).toString();
    if (!lastVector.isEmpty())
        m_calculator->setVectorText(lastVector);
    if (openLast) {
        const QString last = settings.value(QStringLiteral("workspace/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            openWorkspace(last);
        else
            openDemo();
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    settings.setValue(QStringLiteral("mainWindow/page"), m_pages->currentIndex());
    settings.setValue(QStringLiteral("cvssCalculator/vector"), m_calculator->vectorText());
    settings.setValue(QStringLiteral("triage/header"), m_triage->saveState());
    if (!m_workbench->path().isEmpty())
        settings.setValue(QStringLiteral("workspace/last"), m_workbench->path());
    m_importer->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newWorkspace = file->addAction(themedIcon(Icon::NewWorkspace),
                                            tr("&New workspace…"),
                                            QKeySequence::New,
                                            this,
                                            &MainWindow::newWorkspace);
    newWorkspace->setIconText(tr("New"));
    QAction *open = file->addAction(themedIcon(Icon::OpenWorkspace),
                                    tr("&Open workspace…"),
                                    QKeySequence::Open,
                                    this,
                                    &MainWindow::chooseWorkspace);
    open->setIconText(tr("Open"));
    m_recent = file->addMenu(themedIcon(Icon::RecentWorkspaces), tr("Open &recent"));
    connect(m_recent, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(themedIcon(Icon::DemoWorkspace),
                    tr("Open the &demo workspace"),
                    this,
                    &MainWindow::openDemo);
    file->addSeparator();
    QAction *importFiles = file->addAction(themedIcon(Icon::ImportFiles),
                                           tr("&Import files…"),
                                           QKeySequence(Qt::CTRL | Qt::Key_I),
                                           this,
                                           [this] { chooseImport(false); });
    importFiles->setIconText(tr("Import"));
    QAction *importFolder = file->addAction(themedIcon(Icon::ImportFolder),
                                            tr("Import a &folder…"),
                                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                                            this,
                                            [this] { chooseImport(true); });
    importFolder->setIconText(tr("Import folder"));
    QAction *importVex =
        file->addAction(themedIcon(Icon::Decide), tr("Import &VEX as decisions…"), this, [this] {
            const QStringList paths =
                QFileDialog::getOpenFileNames(this,
                                              tr("Import VEX documents (OpenVEX, CycloneDX VEX)"),
                                              QString(),
                                              tr("VEX documents (*.json *.vex);;All files (*)"));
            if (!paths.isEmpty())
                this->importVex(paths);
        });
    importVex->setObjectName(QStringLiteral("importVex"));
    connect(file, &QMenu::aboutToShow, this, [this, importVex] {
        importVex->setEnabled(m_workbench->isOpen() && !m_workbench->isLoading());
    });
    QMenu *exportMenu = file->addMenu(themedIcon(Icon::Export), tr("&Export"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    exportMenu->addAction(themedIcon(Icon::Export),
                          tr("Triage table as &CSV…"),
                          QKeySequence(Qt::CTRL | Qt::Key_E),
                          m_exporter,
                          &ExportController::exportTableCsv);
    exportMenu->addSeparator();
    QAction *planPdf = exportMenu->addAction(themedIcon(Icon::Report),
                                             tr("Remediation plan as &PDF…"),
                                             QKeySequence(Qt::CTRL | Qt::Key_P),
                                             m_exporter,
                                             &ExportController::exportPlanPdf);
    planPdf->setIconText(tr("Report"));
    exportMenu->addAction(tr("Remediation plan as CSV, one row per &action…"), m_exporter, [this] {
        m_exporter->exportPlanCsv(false);
    });
    exportMenu->addAction(tr("Remediation plan as CSV, one row per &finding…"), m_exporter, [this] {
        m_exporter->exportPlanCsv(true);
    });
    exportMenu->addSeparator();
    exportMenu
        ->addAction(themedIcon(Icon::Decide),
                    tr("Decisions as &OpenVEX…"),
                    this,
                    [this] {
                        const QString path =
                            QFileDialog::getSaveFileName(this,
                                                         tr("Export the decisions as OpenVEX"),
                                                         QStringLiteral("decisions.openvex.json"),
                                                         tr("OpenVEX (*.json)"));
                        if (!path.isEmpty())
                            exportOpenVex(path);
                    })
        ->setObjectName(QStringLiteral("exportOpenVex"));
    connect(exportMenu, &QMenu::aboutToShow, this, [this, exportMenu] {
        const bool ready = m_workbench->isOpen() && !m_exporter->isBusy();
        for (QAction *a : exportMenu->actions())
            a->setEnabled(ready);
    });
    file->addSeparator();
    QAction *quit = file->addAction(themedIcon(Icon::Quit), tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    // Decisions: set them on the selected findings, and undo or redo every edit of them.
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = edit->addAction(themedIcon(Icon::Undo), tr("&Undo"), m_undo, &QUndoStack::undo);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction = edit->addAction(themedIcon(Icon::Redo), tr("&Redo"), m_undo, &QUndoStack::redo);
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIconText(tr("Redo"));
    edit->addSeparator();
    m_decide = edit->addAction(themedIcon(Icon::Decide), tr("&Decide…"), this, [this] {
        const std::vector<std::uint32_t> findings = m_triage->selectedFindings();
        if (!findings.empty() && m_workbench->isOpen())
            m_decisions->decide(findings, this);
    });
    m_decide->setObjectName(QStringLiteral("decideAction"));
    m_decide->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_decide->setIconText(tr("Decide"));
    m_decide->setToolTip(tr("Set a triage decision on the selected findings (Ctrl+D)"));
    m_triage->setRowActions({m_decide});
    connect(m_undo, &QUndoStack::indexChanged, this, &MainWindow::updateEditActions);
    connect(m_undo, &QUndoStack::cleanChanged, this, &MainWindow::updateEditActions);
    connect(m_decisions, &DecisionController::busyChanged, this, &MainWindow::updateEditActions);
    connect(m_triage, &TriagePage::findingSelectionChanged, this, &MainWindow::updateEditActions);
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::updateEditActions);
    connect(m_workbench, &Workbench::loaded, this, &MainWindow::updateEditActions);
    updateEditActions();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages->count(); ++i) {
        QAction *a = view->addAction(m_pages->tabIcon(i), m_pages->tabText(i), this, [this, i] {
            m_pages->setCurrentIndex(i);
        });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *whatIf = m_whatIfDock->toggleViewAction();
    whatIf->setText(tr("&What-if policy"));
    whatIf->setIconText(tr("What-if"));
    whatIf->setIcon(themedIcon(Icon::WhatIf));
    whatIf->setToolTip(tr("Show the what-if policy panel (F9)"));
    whatIf->setShortcut(QKeySequence(Qt::Key_F9));
    view->addAction(whatIf);
    view->addAction(
        themedIcon(Icon::Filter), tr("&Filter findings"), QKeySequence::Find, this, [this] {
            m_pages->setCurrentWidget(m_triage);
            m_triage->focusFilter();
        });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(themedIcon(Icon::About), tr("&About Patchwise"), this, &MainWindow::showAbout);

    // The everyday actions, with their labels: workspace and import on the left, the what-if
    // panel on the right.
    QToolBar *tools = addToolBar(tr("Main toolbar"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setFloatable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(20, 20));
    tools->addAction(newWorkspace);
    tools->addAction(open);
    tools->addSeparator();
    tools->addAction(importFiles);
    tools->addAction(importFolder);
    tools->addSeparator();
    tools->addAction(m_decide);
    tools->addAction(m_undoAction);
    tools->addAction(m_redoAction);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    tools->addWidget(spacer);
    tools->addAction(whatIf);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About Patchwise"),
                       tr("<b>Patchwise %1</b><br/>Which of the vulnerabilities in the images "
                          "you run do you fix first, and how?")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::updateEditActions()
{
    // Undo and redo wait for a write in progress: its undo step is not on the stack yet.
    const bool busy = m_decisions->isBusy();
    const QString undo = m_undo->undoText(), redo = m_undo->redoText();
    m_undoAction->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_redoAction->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
    m_undoAction->setToolTip(undo.isEmpty() ? tr("Nothing to undo") : tr("Undo %1").arg(undo));
    m_redoAction->setToolTip(redo.isEmpty() ? tr("Nothing to redo") : tr("Redo %1").arg(redo));
    m_undoAction->setEnabled(m_undo->canUndo() && !busy);
    m_redoAction->setEnabled(m_undo->canRedo() && !busy);
    m_decide->setEnabled(m_workbench->isOpen() && m_pages->currentWidget() == m_triage &&
                         !m_triage->selectedFindings().empty());
}

void MainWindow::openWorkspace(const QString &path)
{
    m_errorPanel->hide();
    m_undo->clear(); // its edits were of the workspace open until now
    m_workbench->open(path, WhatIfPanel::storedPolicy(path));
    rememberRecent(path);
    setWindowTitle(tr("%1 — Patchwise").arg(QFileInfo(path).fileName()));
}

void MainWindow::openDemo()
{
    const QString path = demoPath();
    if (QFileInfo::exists(path)) {
        openWorkspace(path);
        return;
    }
    const QString inputs = extractDemoInputs();
    if (inputs.isEmpty()) {
        statusBar()->showMessage(tr("Open or create a workspace (File ▸ New workspace) and "
                                    "drop scanner reports on the window."));
        return;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_pendingDemo = path;
    statusBar()->showMessage(tr("Building the demo workspace…"));
    m_progress->show();
    m_cancel->show();
    m_importer->start(path, {inputs});
}

void MainWindow::newWorkspace()
{
    QString path = QFileDialog::getSaveFileName(
        this, tr("New workspace"), workspacesFolder(), tr("Patchwise workspaces (*.pw)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pw")))
        path += QStringLiteral(".pw");
    openWorkspace(path);
}

void MainWindow::chooseWorkspace()
{
    const QString path =
        QFileDialog::getOpenFileName(this,
                                     tr("Open workspace"),
                                     workspacesFolder(),
                                     tr("Patchwise workspaces (*.pw *.db);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::chooseImport(bool folders)
{
    QStringList paths;
    if (folders) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder"));
        if (!dir.isEmpty())
            paths << dir;
    } else {
        paths = QFileDialog::getOpenFileNames(
            this,
            tr("Import scanner reports, inventories and feeds"),
            QString(),
            tr("Reports (*.json *.json.gz *.csv *.csv.gz *.xml);;All files (*)"));
    }
    if (!paths.isEmpty())
        importPaths(paths);
}

bool MainWindow::importVex(const QStringList &paths, bool ask)
{
    if (!m_workbench->isOpen())
        return false;
    auto *dialog = new VexImportDialog(m_workbench, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!dialog->load(paths)) {
        const QString error = dialog->errorText();
        delete dialog;
        QMessageBox box(QMessageBox::Warning,
                        tr("Import VEX"),
                        tr("Nothing was imported: the file is not a VEX document Patchwise can "
                           "read."),
                        QMessageBox::Ok,
                        this);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(error); // plain text: it quotes the file
        if (ask)
            box.exec();
        statusBar()->showMessage(error, 10000);
        return false;
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        std::vector<store::Decision> decisions = dialog->decisions();
        const int n = int(decisions.size());
        m_decisions->record(std::move(decisions),
                            n == 1 ? tr("Import 1 VEX decision")
                                   : tr("Import %1 VEX decisions").arg(n));
    });
    if (ask)
        dialog->open();
    else
        dialog->accept();
    return true;
}

bool MainWindow::exportOpenVex(const QString &path)
{
    auto ws = store::Workspace::openReadOnly(m_workbench->path().toStdString());
    auto decisions = ws ? (*ws)->decisions()
                        : Result<std::vector<store::Decision>>(Unexpected<std::string>{ws.error()});
    std::vector<std::string> packages;
    if (decisions)
        for (const store::Decision &d : *decisions)
            packages.push_back(d.package);
    const auto purls =
        ws && decisions
            ? (*ws)->packagePurls(packages)
            : Result<std::vector<store::PackagePurl>>(Unexpected<std::string>{std::string()});
    QSaveFile file(path);
    bool ok = decisions && purls && file.open(QIODevice::WriteOnly);
    if (ok) {
        store::OpenVexOptions options;
        options.author = DecisionController::userName().toStdString();
        options.now = QDateTime::currentSecsSinceEpoch();
        options.tooling = QStringLiteral("Patchwise %1")
                              .arg(QCoreApplication::applicationVersion())
                              .trimmed()
                              .toStdString();
        const std::string text =
            store::openVexDocument(*decisions, m_workbench->facts(), *purls, options);
        ok = file.write(text.data(), qint64(text.size())) == qint64(text.size()) && file.commit();
    }
    if (!ok) {
        const QString why = !ws          ? QString::fromStdString(ws.error())
                            : !decisions ? QString::fromStdString(decisions.error())
                            : !purls     ? QString::fromStdString(purls.error())
                                         : file.errorString();
        statusBar()->showMessage(tr("Could not export the decisions to %1: %2").arg(path, why),
                                 10000);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1 decisions as OpenVEX to %2")
                                 .arg(decisions->size())
                                 .arg(QDir::toNativeSeparators(path)),
                             6000);
    return true;
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (m_workbench->path().isEmpty()) {
        statusBar()->showMessage(tr("Open or create a workspace first (File ▸ New workspace)."));
        return;
    }
    if (!m_importer->start(m_workbench->path(), paths)) {
        statusBar()->showMessage(tr("An import is already running."), 4000);
        return;
    }
    m_errorPanel->hide();
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
}

void MainWindow::importFinished(const ImportController::Outcome &outcome)
{
    m_progress->hide();
    m_cancel->hide();
    const bool demo = !m_pendingDemo.isEmpty();
    const QString demoWorkspace = m_pendingDemo;
    m_pendingDemo.clear();
    if (outcome.cancelled) {
        statusBar()->showMessage(tr("Import cancelled; the workspace is unchanged."), 6000);
        if (demo)
            QFile::remove(demoWorkspace);
        return;
    }
    if (!outcome.failures.isEmpty())
        showImportErrors(outcome);
    if (!outcome.committed)
        return;
    QSettings().setValue(QStringLiteral("workspace/lastImport"), QDateTime::currentDateTime());
    statusBar()->showMessage((outcome.files == 1
                                  ? tr("Imported 1 file: %1 new findings")
                                  : tr("Imported %2 files: %1 new findings").arg(outcome.files))
                                 .arg(QLocale().toString(outcome.newFindings)),
                             6000);
    if (demo)
        openWorkspace(demoWorkspace);
    else
        m_workbench->reload();
}

void MainWindow::showImportErrors(const ImportController::Outcome &outcome)
{
    QString html =
        (outcome.failures.size() == 1
             ? tr("<b>1 file could not be imported</b>%1:")
             : tr("<b>%2 files could not be imported</b>%1:").arg(outcome.failures.size()))
            .arg(outcome.committed ? tr(" (the others were)") : tr("; nothing was changed"));
    html += QStringLiteral("<ul style='margin:2px'>");
    for (const ImportController::Failure &f : outcome.failures)
        html += QStringLiteral("<li>%1</li>").arg(f.error.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    m_errorText->setText(html);
    m_errorPanel->show();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        for (const QUrl &url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importPaths(paths);
    }
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("workspace/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("workspace/recent"), recent);
    settings.setValue(QStringLiteral("workspace/last"), path);
}

void MainWindow::fillRecentMenu()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(QStringLiteral("workspace/recent")).toStringList();
    for (const QString &path : recent) {
        QAction *a = m_recent->addAction(
            QDir::toNativeSeparators(path), this, [this, path] { openWorkspace(path); });
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recent->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::updateStatus()
{
    if (!m_workbench->isOpen()) {
        m_workspaceLabel->clear();
        return;
    }
    const auto &facts = m_workbench->facts();
    const QDateTime last = QSettings().value(QStringLiteral("workspace/lastImport")).toDateTime();
    const auto counted = [](std::size_t n, const QString &one, const QString &many) {
        return (n == 1 ? one : many).arg(QLocale().toString(qlonglong(n)));
    };
    m_workspaceLabel->setText(
        QStringLiteral("%1 · %2 · %3%4")
            .arg(QFileInfo(m_workbench->path()).fileName(),
                 counted(facts.size(), tr("%1 finding"), tr("%1 findings")),
                 counted(facts.images.size(), tr("%1 image"), tr("%1 images")),
                 last.isValid()
                     ? tr(" · last import %1").arg(QLocale().toString(last, QLocale::ShortFormat))
                     : QString()));
}

} // namespace patchwise::ui
