// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layers/layerview.h"
#include "layers/plan.h"
#include "risk/engine.h"
#include "risk/trends.h"

#include <string>

namespace patchwise::exporting {

// `patchwise-cli images`: one object per image (grade, next grade drop, open findings by
// effective severity, running containers, exposure, summed risk), worst grade first.
std::string imagesJson(const risk::Scoring &scoring);

// `patchwise-cli layers`: one image layer by layer, with its base image.
// `withLayers` false prints only the image and its base (`patchwise-cli base`).
std::string layersJson(const layers::ImageLayerView &view, bool withLayers = true);

// `patchwise-cli trends`: {points: [{time, open {critical…}, resolvedSoFar}], timeToFix}.
std::string trendsJson(const risk::Trends &trends);

// `patchwise-cli matrix`: NVD CVSS severity rows × the vendor's rating columns.
std::string matrixJson(const risk::SeverityMatrix &matrix);

// `patchwise-cli plan`: {generatedAt, policy, summary, actions}; keys in README.md.
std::string planJson(const layers::RemediationPlan &plan, const risk::Scoring &scoring);
// The same actions as CSV, one row per action (finding keys joined with "; ").
std::string planCsv(const layers::RemediationPlan &plan, const risk::Scoring &scoring);
// One row per finding with its action (`plan --format csv --rows findings`): actions in
// plan order, each one's findings by rank.
std::string planFindingsCsv(const layers::RemediationPlan &plan, const risk::Scoring &scoring);
// `patchwise-cli plan --simulate`: the actions applied, fleet totals before and after,
// and the images that change.
std::string simulationJson(const layers::Simulation &simulation,
                           const layers::RemediationPlan &plan,
                           const risk::Scoring &scoring);

} // namespace patchwise::exporting
