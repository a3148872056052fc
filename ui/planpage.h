// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/plan.h"
#include "risk/trends.h"

#include <QWidget>
#include <memory>

class QLabel;
class QTableWidget;
class QTimer;

namespace patchwise::ui {

class ChartView;
class Workbench;

// The remediation plan (`patchwise-cli plan`) as a list of actions — base-image updates,
// package upgrades, no-fix groups with their mitigations — with the simulated effect of the
// ticked ones (`plan --simulate`), and the trends across snapshots (`patchwise-cli trends`):
// the burn-down of open findings by severity and the time it took to fix them. Plans and
// simulations are computed off the GUI thread.
class PlanPage : public QWidget
{
    Q_OBJECT

public:
    explicit PlanPage(Workbench *workbench, QWidget *parent = nullptr);

    QTableWidget *actionsTable() const { return m_actions; }
    QLabel *simulationLabel() const { return m_simulation; }
    const layers::RemediationPlan *plan() const { return m_plan.get(); }
    // Ticks the actions with these ranks (and only those).
    void tick(const std::vector<std::uint32_t> &ranks);

Q_SIGNALS:
    void showFindings(const std::vector<std::uint32_t> &findings, const QString &label);
    void planReady();
    void simulationReady();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void recompute();
    void fillActions();
    void simulateTicked();
    void showTrends();

    Workbench *m_workbench;
    QLabel *m_summary;
    QTableWidget *m_actions;
    QLabel *m_simulation;
    ChartView *m_burnDown;
    ChartView *m_fixTime;
    ChartView *m_grades;
    std::shared_ptr<risk::Trends> m_trends;
    QTimer *m_simulateLater;
    std::shared_ptr<layers::RemediationPlan> m_plan;
    std::shared_ptr<risk::Scoring> m_planScoring; // the scoring the plan was built from
    std::shared_ptr<const void> m_planState;      // keeps its facts alive
    quint64 m_generation = 0, m_simGeneration = 0;
    bool m_dirty = true;
    bool m_filling = false;
};

} // namespace patchwise::ui
