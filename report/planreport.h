// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/plan.h"
#include "risk/engine.h"
#include "util/result.h"

#include <QString>
#include <cstdint>
#include <vector>

class QPagedPaintDevice;

namespace patchwise::report {

// What the remediation-plan report shows: the plan (layers::buildPlan, with the same scope)
// of a scoring, and where it comes from.
struct PlanReportInput
{
    const risk::Scoring *scoring = nullptr;
    const layers::RemediationPlan *plan = nullptr;
    std::vector<bool> scope;     // the plan's scope (one flag per finding); empty = all
    QString workspace;           // shown on the title page and in the running header
    QString scopeText;           // the filter expression; empty = every open finding
    std::int64_t latestScan = 0; // newest scan in the workspace (Unix seconds), 0 unknown
    std::int64_t generatedAt = 0;
    QString generator; // "Patchwise 0.1.0"
};

struct PlanReportOptions
{
    int listedActions = 500;    // rows of the actions table; the rest are counted
    int detailedActions = 40;   // actions with a page section and findings table
    int findingsPerAction = 30; // rows of each findings table; the rest are counted
};

struct PlanReportStats
{
    int pages = 0;
    int actionsListed = 0;
    int actionsDetailed = 0;
};

// Lays the report out on `device` (a QPdfWriter or a QPrinter; its page size is set to A4
// and its margins to zero here): a dry run to count pages, then the painting run.
// Needs a QGuiApplication (fonts); the offscreen platform will do.
PlanReportStats paintPlanReport(QPagedPaintDevice &device,
                                const PlanReportInput &input,
                                const PlanReportOptions &options = {});

// Writes the report as a PDF file (written to a temporary file first, then renamed: a
// failed export leaves no partial file). Errors name the file.
Result<PlanReportStats> writePlanPdf(const QString &path,
                                     const PlanReportInput &input,
                                     const PlanReportOptions &options = {});

} // namespace patchwise::report
