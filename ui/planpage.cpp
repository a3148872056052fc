// SPDX-License-Identifier: GPL-3.0-or-later
#include "planpage.h"

#include "chartview.h"
#include "risk/trends.h"
#include "severitystyle.h"
#include "workbench.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace patchwise::ui {

namespace {

QString kindLabel(layers::ActionKind kind)
{
    switch (kind) {
    case layers::ActionKind::BaseImageUpdate:
        return QObject::tr("Update base image");
    case layers::ActionKind::PackageUpgrade:
        return QObject::tr("Upgrade package");
    case layers::ActionKind::NoFix:
        break;
    }
    return QObject::tr("No fix: mitigate");
}

QString signedNumber(double v, int decimals = 0)
{
    return (v > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(v, 'f', decimals);
}

} // namespace

PlanPage::PlanPage(Workbench *workbench, QWidget *parent)
    : QWidget(parent)
    , m_workbench(workbench)
{
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("planSummary"));
    m_summary->setWordWrap(true);
    m_actions = new QTableWidget;
    m_actions->setObjectName(QStringLiteral("actionsTable"));
    m_actions->setColumnCount(10);
    m_actions->setHorizontalHeaderLabels({tr("Rank"),
                                          tr("Action"),
                                          tr("Target"),
                                          tr("Images"),
                                          tr("Running"),
                                          tr("Fixes"),
                                          tr("Crit./High"),
                                          tr("Risk removed"),
                                          tr("SLA breaches"),
                                          tr("Mitigations")});
    m_actions->verticalHeader()->hide();
    m_actions->verticalHeader()->setDefaultSectionSize(m_actions->fontMetrics().height() + 6);
    m_actions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_actions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actions->setWordWrap(false);
    m_actions->setAlternatingRowColors(true);
    m_actions->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {70, 140, 320, 60, 65, 55, 80, 95, 95};
    for (int c = 0; c < 9; ++c)
        m_actions->setColumnWidth(c, widths[c]);
    connect(m_actions, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (!m_filling && item->column() == 0)
            m_simulateLater->start();
    });
    connect(m_actions, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (!m_plan || row >= int(m_plan->actions.size()))
            return;
        const layers::RemediationAction &a = m_plan->actions[std::size_t(row)];
        Q_EMIT showFindings(a.findings,
                            tr("plan #%1: %2 %3")
                                .arg(a.rank)
                                .arg(kindLabel(a.kind), QString::fromStdString(a.target)));
    });

    m_simulation = new QLabel(tr("Tick actions to see what applying them would change."));
    m_simulation->setObjectName(QStringLiteral("simulationLabel"));
    m_simulation->setWordWrap(true);
    m_simulation->setTextFormat(Qt::RichText);
    m_simulation->setMinimumHeight(60);
    m_simulation->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_simulateLater = new QTimer(this);
    m_simulateLater->setSingleShot(true);
    m_simulateLater->setInterval(150);
    connect(m_simulateLater, &QTimer::timeout, this, &PlanPage::simulateTicked);

    m_burnDown = new ChartView;
    m_burnDown->setObjectName(QStringLiteral("burnDownChart"));
    m_fixTime = new ChartView;
    m_fixTime->setObjectName(QStringLiteral("fixTimeChart"));
    auto *charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(m_burnDown);
    m_grades = new ChartView;
    m_grades->setObjectName(QStringLiteral("gradesChart"));
    charts->addWidget(m_grades);
    charts->addWidget(m_fixTime);
    charts->setSizes({560, 480, 360});

    auto *top = new QWidget;
    auto *tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(m_summary);
    tl->addWidget(m_actions, 1);
    tl->addWidget(m_simulation);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(charts);
    split->setSizes({520, 280});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(split);

    connect(workbench, &Workbench::loaded, this, [this] {
        m_dirty = true;
        recompute();
    });
    connect(workbench, &Workbench::rescored, this, [this] {
        m_dirty = true;
        recompute();
    });
}

void PlanPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        recompute();
}

void PlanPage::recompute()
{
    if (!m_workbench->isOpen() || !isVisible())
        return; // computed when shown
    m_dirty = false;
    const quint64 generation = ++m_generation;
    auto state = m_workbench->stateHandle();
    auto scoring =
        std::make_shared<risk::Scoring>(m_workbench->scoring()); // rescoring swaps buffers
    const auto *images = &m_workbench->imageLayers();
    const auto *bases = &m_workbench->bases();
    const auto *flags = &m_workbench->baseFlags();
    m_summary->setText(tr("Building the plan…"));
    using Result =
        std::pair<std::shared_ptr<layers::RemediationPlan>, std::shared_ptr<risk::Trends>>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(
        watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, scoring, state] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            m_plan = watcher->result().first;
            m_trends = watcher->result().second;
            m_planScoring = scoring;
            m_planState = state;
            fillActions();
            showTrends();
            Q_EMIT planReady();
        });
    watcher->setFuture(QtConcurrent::run([scoring, images, bases, flags, state] {
        return Result{std::make_shared<layers::RemediationPlan>(
                          layers::buildPlan(*scoring, *images, *bases, *flags)),
                      std::make_shared<risk::Trends>(risk::trends(*scoring))};
    }));
}

void PlanPage::fillActions()
{
    const layers::RemediationPlan &plan = *m_plan;
    const layers::PlanTotals &t = plan.totals;
    int kinds[3] = {};
    for (const auto &a : plan.actions)
        ++kinds[int(a.kind)];
    m_summary->setText(
        tr("<b>%1</b> open findings (%2 fixable) in %3 images · total risk <b>%4</b>, of which "
           "<b>%5</b> "
           "can be removed by fixing · <b>%6</b> SLA breaches · %7 base-image updates, %8 package "
           "upgrades, "
           "%9 no-fix groups. Tick actions to simulate them; double-click one to see its findings.")
            .arg(QLocale().toString(t.openFindings),
                 QLocale().toString(t.fixableFindings),
                 QLocale().toString(t.images),
                 QLocale().toString(t.totalRisk, 'f', 1),
                 QLocale().toString(plan.riskRemovable, 'f', 1),
                 QLocale().toString(t.slaBreaches))
            .arg(kinds[0])
            .arg(kinds[1])
            .arg(kinds[2]));
    m_filling = true;
    // Keep the ticks of actions that are still there (by kind and target).
    QSet<QString> ticked;
    for (int r = 0; r < m_actions->rowCount(); ++r)
        if (m_actions->item(r, 0) && m_actions->item(r, 0)->checkState() == Qt::Checked)
            ticked.insert(m_actions->item(r, 1)->text() + u'|' + m_actions->item(r, 2)->text());
    m_actions->setRowCount(int(plan.actions.size()));
    const auto &images = m_planScoring->facts().images;
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const layers::RemediationAction &a = plan.actions[i];
        QString target = QString::fromStdString(a.target);
        if (a.kind == layers::ActionKind::PackageUpgrade) {
            target += a.version.empty() ? QString()
                                        : QStringLiteral(" → ") + QString::fromStdString(a.version);
            target += tr(" in %1").arg(QString::fromStdString(images[a.images.front()].name));
        }
        QStringList mitigations;
        for (std::string_view m : layers::mitigationNames(a.mitigations))
            mitigations << QString::fromUtf8(m.data(), qsizetype(m.size()));
        const QStringList cells{
            QString::number(a.rank),
            kindLabel(a.kind),
            target,
            QString::number(a.images.size()),
            a.runningContainers ? QString::number(a.runningContainers) : QString(),
            a.kind == layers::ActionKind::NoFix ? QString() : QString::number(a.findingsFixed),
            QStringLiteral("%1 / %2").arg(a.bySeverity[0]).arg(a.bySeverity[1]),
            QLocale().toString(a.riskRemoved, 'f', 1),
            a.slaBreaches ? QString::number(a.slaBreaches) : QString(),
            mitigations.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == 0) {
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(ticked.contains(cells[1] + u'|' + cells[2]) ? Qt::Checked
                                                                                : Qt::Unchecked);
            }
            if (c == 2)
                item->setToolTip(cells[c]);
            if (c >= 3 && c <= 8)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 8 && a.slaBreaches)
                item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_actions->setItem(int(i), c, item);
        }
    }
    m_filling = false;
    simulateTicked();
}

void PlanPage::tick(const std::vector<std::uint32_t> &ranks)
{
    m_filling = true;
    for (int r = 0; r < m_actions->rowCount(); ++r)
        if (QTableWidgetItem *item = m_actions->item(r, 0))
            item->setCheckState(std::find(ranks.begin(), ranks.end(), std::uint32_t(r + 1)) !=
                                        ranks.end()
                                    ? Qt::Checked
                                    : Qt::Unchecked);
    m_filling = false;
    simulateTicked();
}

void PlanPage::simulateTicked()
{
    if (!m_plan)
        return;
    std::vector<std::uint32_t> ranks;
    for (int r = 0; r < m_actions->rowCount(); ++r)
        if (m_actions->item(r, 0) && m_actions->item(r, 0)->checkState() == Qt::Checked)
            ranks.push_back(std::uint32_t(r + 1));
    if (ranks.empty()) {
        m_simulation->setText(tr("Tick actions to see what applying them would change."));
        Q_EMIT simulationReady();
        return;
    }
    const quint64 generation = ++m_simGeneration;
    auto plan = m_plan;
    auto scoring = m_planScoring;
    auto state = m_planState;
    m_simulation->setText((ranks.size() == 1 ? tr("Simulating 1 action…")
                                             : tr("Simulating %1 actions…").arg(ranks.size())));
    auto *watcher = new QFutureWatcher<std::shared_ptr<layers::Simulation>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, scoring] {
        watcher->deleteLater();
        if (generation != m_simGeneration)
            return;
        const std::shared_ptr<layers::Simulation> sim = watcher->result();
        if (!sim)
            return;
        const layers::PlanTotals &b = sim->before, &a = sim->after;
        QStringList grades;
        for (int g = 0; g < 6; ++g)
            if (a.grades[std::size_t(g)] != b.grades[std::size_t(g)])
                grades << QStringLiteral("%1 %2")
                              .arg(QChar(u'A' + g))
                              .arg(signedNumber(a.grades[std::size_t(g)] -
                                                b.grades[std::size_t(g)]));
        const double pct = b.totalRisk > 0 ? 100.0 * (a.totalRisk - b.totalRisk) / b.totalRisk : 0;
        m_simulation->setText(
            tr("<b>Applying %1 action(s):</b> total risk %2 → <b>%3</b> (%4, %5%) · open findings "
               "%6 → %7 · "
               "<b>%8</b> SLA breaches avoided · %9 running containers updated · grades: %10")
                .arg(sim->applied.size())
                .arg(QLocale().toString(b.totalRisk, 'f', 1),
                     QLocale().toString(a.totalRisk, 'f', 1),
                     signedNumber(a.totalRisk - b.totalRisk, 1),
                     signedNumber(pct, 1),
                     QLocale().toString(b.openFindings),
                     QLocale().toString(a.openFindings),
                     QLocale().toString(sim->slaBreachesAvoided),
                     QLocale().toString(sim->runningContainersUpdated),
                     grades.isEmpty() ? tr("unchanged") : grades.join(QStringLiteral(", "))));
        Q_EMIT simulationReady();
    });
    watcher->setFuture(
        QtConcurrent::run([plan, scoring, state, ranks]() -> std::shared_ptr<layers::Simulation> {
            auto sim = layers::simulate(*scoring, *plan, ranks);
            return sim ? std::make_shared<layers::Simulation>(std::move(*sim)) : nullptr;
        }));
}

void PlanPage::showTrends()
{
    const risk::Trends &t = *m_trends;
    std::vector<double> times;
    std::vector<ChartView::Series> series(4);
    for (int c = 0; c < 4; ++c) {
        series[std::size_t(c)].name = severityColumnLabel(c);
        series[std::size_t(c)].color = severityColumnColor(c);
    }
    for (const risk::TrendPoint &p : t.points) {
        times.push_back(double(p.time));
        for (int c = 0; c < 4; ++c)
            series[std::size_t(c)].values.push_back(p.open[std::size_t(c)]);
    }
    m_burnDown->setTimeSeries(times, series, tr("open findings"));
    QStringList categories;
    std::vector<ChartView::Series> bars(4);
    for (int c = 0; c < 4; ++c) {
        categories
            << tr("%1 (%2 fixed)").arg(severityColumnLabel(c)).arg(t.resolved[std::size_t(c)]);
        bars[std::size_t(c)].name = severityColumnLabel(c);
        bars[std::size_t(c)].color = severityColumnColor(c);
        bars[std::size_t(c)].values.assign(4, 0.0);
        bars[std::size_t(c)].values[std::size_t(c)] = t.medianDaysToFix[std::size_t(c)];
    }
    m_fixTime->setStackedBars(categories, bars, tr("median days to fix"), -1, {}, false);
    std::vector<double> gradeTimes;
    std::vector<ChartView::Series> grades(6);
    for (int g = 0; g < 6; ++g) {
        grades[std::size_t(g)].name = tr("grade %1").arg(QChar(u'A' + g));
        grades[std::size_t(g)].color = gradeColor(char('A' + g));
    }
    for (const risk::GradePoint &p : t.grades) {
        gradeTimes.push_back(double(p.time));
        for (int g = 0; g < 6; ++g)
            grades[std::size_t(g)].values.push_back(p.images[std::size_t(g)]);
    }
    m_grades->setTimeSeries(gradeTimes, grades, tr("images"));
}

} // namespace patchwise::ui
